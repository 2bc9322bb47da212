package uk.opcc.cspgrants.rounds.applying;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * Officers' due diligence on eligible applications: recorded once per application, then
 * changed from the version read, only while the application is eligible; each save
 * audited. The application's row is taken first, so that two first saves take turns and
 * the second is told of the first.
 */
@Service
@Transactional
public class DueDiligenceRecords {

	private final DueDiligenceRepository repository;

	private final ApplicationRepository applications;

	private final Rounds rounds;

	private final AuditTrail auditTrail;

	private final Clock clock;

	DueDiligenceRecords(DueDiligenceRepository repository, ApplicationRepository applications, Rounds rounds,
			AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.applications = applications;
		this.rounds = rounds;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The due diligence recorded on an application, if any. */
	@Transactional(readOnly = true)
	public Optional<DueDiligenceView> of(ApplicationView application) {
		return this.repository.findById(application.id()).map(DueDiligence::view);
	}

	/**
	 * Records the due diligence on a round's eligible application: the first time with no
	 * version, then from the version read.
	 */
	public DueDiligenceView record(String roundReference, String applicationReference, DueDiligenceAnswers answers,
			Long version, CurrentUser officer) {
		RoundView round = this.rounds.find(roundReference)
			.orElseThrow(() -> new NotFoundException("There is no grant round " + roundReference));
		Application application = this.applications.findByReferenceLocked(round.id(), applicationReference)
			.orElseThrow(() -> new NotFoundException("There is no submitted application " + applicationReference));
		ApplicationView shown = application.view();
		if (shown.status() != ApplicationStatus.ELIGIBLE) {
			throw new ConflictException(null, "Due diligence is recorded only on an eligible application: "
					+ shown.reference() + " is " + shown.status().label().toLowerCase());
		}
		answers.validated();
		Optional<DueDiligence> existing = this.repository.findById(shown.id());
		if (existing.isPresent() && !existing.get().view().matches(version)) {
			DueDiligenceView recorded = existing.get().view();
			throw new ConflictException(null,
					"Due diligence on " + shown.reference() + " was saved by " + recorded.checkedBy() + " on "
							+ Dates.dayAndTime(recorded.checkedAt())
							+ ", after you opened the page. Check it as it is now; your answers are kept below");
		}
		DueDiligence record = existing.orElseGet(() -> new DueDiligence(shown.id()));
		record.record(answers, officer.displayName(), this.clock.instant());
		DueDiligenceView saved = DatabaseRefusal.orConflict(() -> this.repository.saveAndFlush(record),
				Map.of("application_due_diligence_pkey",
						"Due diligence on " + shown.reference()
								+ " was saved by someone else after you opened the page",
						"application_due_diligence_while_eligible", shown.reference() + " is no longer eligible"))
			.view();
		this.auditTrail.record("DUE_DILIGENCE", ApplicationManagement.AUDIT_TYPE, shown.id(), null,
				Map.of("reference", shown.reference(), "risk", answers.risk().label(), "concerns",
						answers.noConcerns() ? "none" : "recorded"));
		return saved;
	}

}
