package uk.opcc.cspgrants.rounds.applying;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
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
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * Officers decide whether each submitted application is eligible, from the version they
 * read, after the service's checks ({@link EligibilityChecks}); the applicant is told
 * when it is not (with the reasons), and when a "not eligible" is changed. Every decision
 * is audited.
 */
@Service
@Transactional
public class EligibilityDecisions {

	private final ApplicationRepository repository;

	private final Rounds rounds;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EligibilityDecisions(ApplicationRepository repository, Rounds rounds, AuditTrail auditTrail,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.rounds = rounds;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/** The service's checks of a submitted application, against the rest of its round. */
	@Transactional(readOnly = true)
	public List<EligibilityCheck> checks(RoundView round, ApplicationView application) {
		return EligibilityChecks.of(round, application, this.repository.findApplyingOrganisations(round.id()));
	}

	/** Refuses an answer that is not complete, before the page that checks it. */
	@Transactional(readOnly = true)
	public EligibilityAnswer validated(RoundView round, ApplicationView application, EligibilityAnswer answer) {
		return answer.validated(checks(round, application));
	}

	/**
	 * Records the decision on a round's application from the version read; refused when
	 * it changed since, when the round's applications are being assessed, or when the
	 * same decision is recorded already.
	 */
	public ApplicationView decide(String roundReference, String applicationReference, EligibilityAnswer answer,
			Long version, CurrentUser officer) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the application you read");
		}
		RoundView round = this.rounds.find(roundReference)
			.orElseThrow(() -> new NotFoundException("There is no grant round " + roundReference));
		Application application = this.repository.findByReferenceLocked(round.id(), applicationReference)
			.orElseThrow(() -> new NotFoundException("There is no submitted application " + applicationReference));
		ApplicationView before = application.view();
		answer.validated(checks(round, before));
		if (before.version() != version) {
			throw new ConflictException(null, "This application changed on " + Dates.dayAndTime(before.updatedAt())
					+ (before.eligibilityDecidedBy() != null ? " (found " + before.status().label().toLowerCase()
							+ " by " + before.eligibilityDecidedBy() + ")" : "")
					+ ", after you opened the page. Check it as it is now; what you chose is kept below");
		}
		application.decideEligibility(answer, round, officer.displayName(), now());
		ApplicationView after = DatabaseRefusal.orConflict(() -> this.repository.saveAndFlush(application),
				Map.of("application_eligibility_before_assessment",
						round.title() + " is being assessed: eligibility no longer changes", "application_moves",
						"This application's status does not allow that"))
			.view();
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("status", before.status().label());
		if (before.eligibilityReasons() != null) {
			was.put("reasons", before.eligibilityReasons());
		}
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("status", after.status().label());
		now.put("reference", after.reference());
		if (after.eligibilityReasons() != null) {
			now.put("reasons", after.eligibilityReasons());
		}
		this.auditTrail.record("DECIDE_ELIGIBILITY", ApplicationManagement.AUDIT_TYPE, after.id(), was, now);
		tell(round, before, after);
		return after;
	}

	/** Tells the applicant when the application is not eligible, or is after all. */
	private void tell(RoundView round, ApplicationView before, ApplicationView after) {
		String template = (after.status() == ApplicationStatus.INELIGIBLE) ? "application-not-eligible"
				: (before.status() == ApplicationStatus.INELIGIBLE) ? "application-eligible-after-all" : null;
		if (template == null) {
			return;
		}
		String applicant = this.repository.usernameOf(after.id());
		this.events.publishEvent(new Notice(template + ":" + after.id() + ":" + after.version(), null, template,
				Map.of("reference", after.reference(), "round", round.title(), "project", after.name(), "reasons",
						(after.eligibilityReasons() != null) ? after.eligibilityReasons() : ""),
				"/apply/applications/" + after.id(), Audience.users(applicant)));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
