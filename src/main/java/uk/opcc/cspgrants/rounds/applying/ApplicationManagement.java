package uk.opcc.cspgrants.rounds.applying;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * An applicant's applications: started once per press of "Start" (the page's start key,
 * the database's {@code application_started_once}) while the round takes applications,
 * and each task saved from the version read. An applicant reaches only their own
 * applications: another's is not found, exactly as one that does not exist. Every change
 * is audited.
 */
@Service
@Transactional
public class ApplicationManagement {

	static final String AUDIT_TYPE = "Application";

	private final ApplicationRepository repository;

	private final Rounds rounds;

	private final AuditTrail auditTrail;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BusinessCasePartnerships partnerships;

	ApplicationManagement(ApplicationRepository repository, Rounds rounds, AuditTrail auditTrail, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, BusinessCasePartnerships partnerships) {
		this.partnerships = partnerships;
		this.repository = repository;
		this.rounds = rounds;
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts an application to a round taking applications, once per start key: the same
	 * key again is refused, saying the first press started it.
	 */
	public ApplicationView start(String reference, UUID startKey, CurrentUser applicant) {
		RoundView round = takingApplications(reference);
		if (startKey == null) {
			throw new ValidationException("startKey", "Start the application from its round's page");
		}
		if (this.repository.findStarted(applicant.id(), startKey).isPresent()) {
			throw pressedTwice();
		}
		Application application = DatabaseRefusal.orConflict(
				() -> this.repository
					.saveAndFlush(new Application(round.id(), round.route(), applicant.id(), startKey, now())),
				Map.of("application_started_once", pressedTwice().getMessage(), "application_started_while_open",
						round.title() + " is not taking applications"));
		ApplicationView view = application.view();
		this.auditTrail.record("START", AUDIT_TYPE, view.id(), null, Map.of("round", round.reference()));
		return view;
	}

	/** An applicant's own application, or not found. */
	@Transactional(readOnly = true)
	public ApplicationView get(long id, CurrentUser applicant) {
		return this.repository.findOwn(id, applicant.id()).orElseThrow(ApplicationManagement::notFound).view();
	}

	/** An applicant's own applications, the latest started first. */
	@Transactional(readOnly = true)
	public List<ApplicationView> mine(CurrentUser applicant) {
		return this.repository.findAllOwn(applicant.id()).stream().map(Application::view).toList();
	}

	public ApplicationView saveOrganisation(long id, Answers.Organisation answers, Long version,
			CurrentUser applicant) {
		return save(id, version, applicant, TaskName.ORGANISATION, application -> application.answer(answers, now()));
	}

	/**
	 * The partnership a business case comes from; its lead authority becomes the
	 * application's organisation.
	 */
	public ApplicationView savePartnership(long id, String partnershipId, Long version, CurrentUser applicant) {
		Answers.Partnership answers = this.partnerships.chosen(partnershipId);
		return save(id, version, applicant, TaskName.PARTNERSHIP, application -> application.answer(answers, now()));
	}

	public ApplicationView saveContact(long id, Answers.Contact answers, Long version, CurrentUser applicant) {
		return save(id, version, applicant, TaskName.CONTACT, application -> application.answer(answers, now()));
	}

	public ApplicationView saveProject(long id, Answers.Project answers, Long version, CurrentUser applicant) {
		return save(id, version, applicant, TaskName.PROJECT, application -> application.answer(answers, now()));
	}

	public ApplicationView saveFunding(long id, Answers.Funding answers, Long version, CurrentUser applicant) {
		return save(id, version, applicant, TaskName.FUNDING, application -> application.answer(answers, now()));
	}

	public ApplicationView saveOutcomes(long id, String outcomes, Long version, CurrentUser applicant) {
		return save(id, version, applicant, TaskName.OUTCOMES,
				application -> application.answerOutcomes(outcomes, now()));
	}

	/**
	 * Submits a complete draft, once for the version read, while its round takes
	 * applications: the round's row is taken first ({@code for no key update}, as closing
	 * it takes it {@code for update}), so submissions to one round take turns for its
	 * next number and a submission and the round's closing take turns too. The applicant
	 * is sent a receipt with the reference.
	 */
	public ApplicationView submit(long id, Long version, CurrentUser applicant) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the application you read");
		}
		// the round's id read without loading the application, so that it is loaded only
		// once
		// it is locked (an application loaded before would be kept in its state as read)
		long roundId = this.jdbc.sql("select round_id from application where id = ? and applicant_user_id = ?")
			.params(id, applicant.id())
			.query(Long.class)
			.optional()
			.orElseThrow(ApplicationManagement::notFound);
		this.jdbc.sql("select id from grant_round where id = ? for no key update")
			.param(roundId)
			.query(Long.class)
			.single();
		RoundView round = this.rounds.find(roundId).orElseThrow();
		Application application = this.repository.findOwnLocked(id, applicant.id())
			.orElseThrow(ApplicationManagement::notFound);
		application.mustBeDraft();
		if (application.getVersion() != version) {
			throw changedElsewhere(application);
		}
		int next = this.jdbc.sql("select coalesce(max(number), 0) + 1 from application where round_id = ?")
			.param(round.id())
			.query(Integer.class)
			.single();
		application.submit(round, next, now(), applicant.getUsername());
		ApplicationView after = DatabaseRefusal.orConflict(() -> this.repository.saveAndFlush(application),
				Map.of("application_submitted_in_time", round.title() + " is not taking applications",
						"application_number_once", "Another application took the same number: submit again",
						"application_business_case_names_partnership",
						"Choose the partnership the business case comes from before you submit it", "application_moves",
						"This application is no longer a draft"))
			.view();
		this.auditTrail.record("SUBMIT", AUDIT_TYPE, after.id(), Map.of("status", "Draft"), Map.of("reference",
				after.reference(), "round", round.reference(), "submittedAt", Dates.dayAndTime(after.submittedAt())));
		this.events.publishEvent(new Notice("application-received:" + after.id(), null, "application-received",
				Map.of("reference", after.reference(), "round", round.title(), "project", after.name(), "submittedAt",
						Dates.dayAndTime(after.submittedAt())),
				"/apply/applications/" + after.id(), Audience.users(applicant.getUsername())));
		return after;
	}

	/** The round of an applicant's own application, or not found. */
	@Transactional(readOnly = true)
	public RoundView roundOf(long id, CurrentUser applicant) {
		return roundOf(get(id, applicant));
	}

	/** The round of an application, for its pages. */
	@Transactional(readOnly = true)
	public RoundView roundOf(ApplicationView application) {
		return this.rounds.find(application.roundId()).orElseThrow();
	}

	private ApplicationView save(long id, Long version, CurrentUser applicant, TaskName task,
			Consumer<Application> change) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the application you read");
		}
		Application application = this.repository.findOwnLocked(id, applicant.id())
			.orElseThrow(ApplicationManagement::notFound);
		application.mustBeDraft();
		if (application.getVersion() != version) {
			throw new ConflictException(null,
					"This application was changed in another window or tab on "
							+ Dates.dayAndTime(application.getUpdatedAt())
							+ ", after you opened this page. Check it as it is now; what you typed here is kept below");
		}
		ApplicationView before = application.view();
		change.accept(application);
		ApplicationView after = DatabaseRefusal
			.orConflict(() -> this.repository.saveAndFlush(application), Map.of("application_answers_only_in_draft",
					"This application is no longer a draft: its answers " + "no longer change"))
			.view();
		this.auditTrail.record("SAVE_" + task.name(), AUDIT_TYPE, after.id(), Map.of("task", task.title()),
				Map.of("task", task.title(), "completed", after.completed() + " of " + after.tasks().size()));
		return after;
	}

	private RoundView takingApplications(String reference) {
		RoundView round = this.rounds.find(reference)
			.filter(RoundView::published)
			.orElseThrow(() -> new NotFoundException("There is no published grant round " + reference));
		if (!round.takesApplications(now())) {
			throw new ConflictException(null,
					round.title() + " is not taking applications: "
							+ (round.opensLater(now()) ? "it opens on " + Dates.dayAndTime(round.opensAt())
									: "it closed on " + Dates.dayAndTime(round.closesAt())));
		}
		return round;
	}

	private static ConflictException changedElsewhere(Application application) {
		return new ConflictException(null,
				"This application was changed in another window or tab on "
						+ Dates.dayAndTime(application.getUpdatedAt())
						+ ", after you opened this page. Check it as it is now; what you typed here is kept below");
	}

	private static ConflictException pressedTwice() {
		return new ConflictException(null, "You pressed Start more than once: your application was started by the "
				+ "first press. Continue it from your applications");
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static NotFoundException notFound() {
		return new NotFoundException("There is no such application of yours");
	}

}
