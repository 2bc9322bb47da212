package uk.opcc.cspgrants.rounds.reviewing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.rounds.applying.ApplicationStatus;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.applying.SubmittedApplications;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * A round's themed reviewers and who reviews what: reviewers put on the round (each for a
 * theme or all themes) until its applications are assessed, and the round's eligible
 * applications shared among them by {@link EvenAssignment} once it has closed, the
 * round's row taken first so that two officers pressing "Assign" at once make one set.
 * Each reviewer is told of their new applications.
 */
@Service
@Transactional
public class ReviewAssignments {

	static final String AUDIT_TYPE = "GrantRound";

	private final ReviewAssignmentRepository assignments;

	private final SubmittedApplications applications;

	private final Rounds rounds;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReviewAssignments(ReviewAssignmentRepository assignments, SubmittedApplications applications, Rounds rounds,
			JdbcClient jdbc, AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
		this.assignments = assignments;
		this.applications = applications;
		this.rounds = rounds;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	public RoundView round(String reference) {
		return this.rounds.find(reference)
			.orElseThrow(() -> new NotFoundException("There is no grant round " + reference));
	}

	/** The round's reviewers, by name, with their loads. */
	@Transactional(readOnly = true)
	public List<RoundReviewerView> reviewers(RoundView round) {
		Map<Long, Integer> load = load(round);
		return this.jdbc
			.sql("select r.id, r.user_id, u.display_name, r.theme_id from round_reviewer r "
					+ "join app_user u on u.id = r.user_id where r.round_id = ? order by u.display_name, r.id")
			.param(round.id())
			.query((row, n) -> {
				Long theme = row.getObject("theme_id", Long.class);
				return new RoundReviewerView(row.getLong("id"), row.getLong("user_id"), row.getString("display_name"),
						theme, (theme == null) ? "All themes" : round.themeName(theme),
						load.getOrDefault(row.getLong("user_id"), 0));
			})
			.list();
	}

	/**
	 * The names of everyone reviewing or who reviewed the round's applications, by user
	 * id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> reviewerNames(RoundView round) {
		Map<Long, String> names = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select distinct u.id, u.display_name from app_user u where u.id in (select reviewer_id from "
					+ "review_assignment where round_id = ?) or u.id in (select user_id from round_reviewer "
					+ "where round_id = ?)")
			.params(round.id(), round.id())
			.query((row, n) -> names.put(row.getLong("id"), row.getString("display_name")))
			.list();
		return names;
	}

	/**
	 * The people who may be put on a round: enabled accounts holding the reviewer's role.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> reviewerAccounts() {
		Map<Long, String> people = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select u.id, u.display_name from app_user u join app_user_role r on r.user_id = u.id "
					+ "and r.role = 'REVIEWER' where u.enabled order by u.display_name")
			.query((row, n) -> people.put(row.getLong("id"), row.getString("display_name")))
			.list();
		return people;
	}

	/** Puts a reviewer on the round for a theme, or all themes ({@code themeId} null). */
	public void addReviewer(String reference, Long userId, Long themeId, CurrentUser officer) {
		RoundView round = lockedRound(reference);
		if (round.status() != RoundStatus.DRAFT && round.status() != RoundStatus.OPEN
				&& round.status() != RoundStatus.CLOSED) {
			throw new ConflictException(null,
					round.title() + " is " + round.status().label().toLowerCase() + ": its reviewers no longer change");
		}
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		String name = (userId == null) ? null : reviewerAccounts().get(userId);
		if (name == null) {
			errors.put("userId", "Choose a reviewer from the list");
		}
		if (themeId != null && !round.themeIds().contains(themeId)) {
			errors.put("themeId", "Choose one of the round's themes, or all of them");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		String theme = (themeId == null) ? "all themes" : round.themeName(themeId);
		DatabaseRefusal.orConflict(() -> this.jdbc
			.sql("insert into round_reviewer (round_id, user_id, theme_id, added_by, added_at) values (?, ?, ?, ?, ?)")
			.params(round.id(), userId, themeId, officer.displayName(), java.sql.Timestamp.from(now()))
			.update(),
				Map.of("round_reviewer_once", name + " already reviews " + theme + " in this round",
						"round_reviewer_while_assigning", round.title() + ": its reviewers no longer change"));
		this.auditTrail.record("ADD_REVIEWER", AUDIT_TYPE, round.id(), null,
				Map.of("title", round.title(), "reviewer", name, "theme", theme));
	}

	/**
	 * Takes a reviewer off a theme of the round, while they have none of its
	 * applications.
	 */
	public void removeReviewer(String reference, long reviewerRowId, CurrentUser officer) {
		RoundView round = lockedRound(reference);
		RoundReviewerView reviewer = reviewers(round).stream()
			.filter(one -> one.id() == reviewerRowId)
			.findFirst()
			.orElseThrow(() -> new ConflictException(null, "That reviewer is no longer on the round"));
		if (reviewer.load() > 0) {
			throw new ConflictException(null, reviewer.name() + " has " + reviewer.load()
					+ " of the round's applications: they stay on the round");
		}
		DatabaseRefusal.orConflict(
				() -> this.jdbc.sql("delete from round_reviewer where id = ? and round_id = ?")
					.params(reviewerRowId, round.id())
					.update(),
				Map.of("round_reviewer_keeps_its_reviews",
						reviewer.name() + " has applications of the round to review: they stay on the round",
						"round_reviewer_while_assigning", round.title() + ": its reviewers no longer change"));
		this.auditTrail.record("REMOVE_REVIEWER", AUDIT_TYPE, round.id(),
				Map.of("title", round.title(), "reviewer", reviewer.name(), "theme", reviewer.themeName()), null);
	}

	/** Every assignment of the round, for the officers' page. */
	@Transactional(readOnly = true)
	public List<AssignmentView> of(RoundView round) {
		return this.assignments.findByRound(round.id()).stream().map(ReviewAssignment::view).toList();
	}

	/**
	 * Shares the closed round's eligible applications among its reviewers until each has
	 * as many as the round asks; refused when there is nothing to share.
	 */
	public EvenAssignment.Result assign(String reference, CurrentUser officer) {
		RoundView round = lockedRound(reference);
		if (round.status() != RoundStatus.CLOSED) {
			throw new ConflictException(null, "Reviewers are assigned once " + round.title()
					+ " has closed and before it is assessed: it is " + round.status().label().toLowerCase());
		}
		EvenAssignment.Result result = plan(round);
		if (result.made().isEmpty()) {
			throw new ConflictException(null, result.unfilled().isEmpty()
					? "Every eligible application already has " + round.minReviewers() + " reviewers: nothing to assign"
					: "No reviewer is free for " + result.unfilled().size()
							+ (result.unfilled().size() == 1 ? " application" : " applications")
							+ ": add reviewers of their themes");
		}
		make(round, result.made(), officer.displayName(), null);
		this.auditTrail.record("ASSIGN_REVIEWERS", AUDIT_TYPE, round.id(), null,
				Map.of("title", round.title(), "assignments", Integer.toString(result.made().size()), "unfilled",
						Integer.toString(result.unfilled().size())));
		return result;
	}

	/**
	 * Gives an application whose reviewer declared a conflict to another reviewer of its
	 * theme, the least loaded, once per conflict; none free leaves it short, for an
	 * officer to see.
	 */
	void reassign(RoundView round, AssignmentView conflicted) {
		EvenAssignment.Result result = plan(round);
		List<EvenAssignment.Made> forThis = result.made()
			.stream()
			.filter(made -> made.applicationId() == conflicted.applicationId())
			.limit(1)
			.toList();
		make(round, forThis, "CSP Grants", conflicted.id());
	}

	private EvenAssignment.Result plan(RoundView round) {
		List<ReviewAssignment> existing = this.assignments.findByRound(round.id());
		Map<Long, Set<Long>> on = new HashMap<>();
		Map<Long, Integer> active = new HashMap<>();
		for (ReviewAssignment assignment : existing) {
			AssignmentView view = assignment.view();
			on.computeIfAbsent(view.applicationId(), key -> new HashSet<>()).add(view.reviewerId());
			if (view.status().active()) {
				active.merge(view.applicationId(), 1, Integer::sum);
			}
		}
		List<EvenAssignment.Application> eligible = new ArrayList<>();
		for (ApplicationView application : this.applications.of(round)) {
			if (application.status() == ApplicationStatus.ELIGIBLE) {
				eligible.add(new EvenAssignment.Application(application.id(), application.themeId(),
						on.getOrDefault(application.id(), Set.of()), active.getOrDefault(application.id(), 0)));
			}
		}
		List<EvenAssignment.Reviewer> reviewers = reviewers(round).stream()
			.map(one -> new EvenAssignment.Reviewer(one.userId(), one.name(), one.themeId()))
			.toList();
		return EvenAssignment.assign(eligible, reviewers, load(round), round.minReviewers());
	}

	private void make(RoundView round, List<EvenAssignment.Made> made, String by, Long replaces) {
		Instant now = now();
		Map<Long, Integer> told = new HashMap<>();
		for (EvenAssignment.Made one : made) {
			ReviewAssignment assignment = new ReviewAssignment(round.id(), one.applicationId(), one.reviewerId(), by,
					now, replaces);
			DatabaseRefusal.orConflict(() -> this.assignments.saveAndFlush(assignment),
					Map.of("review_assignment_once", "A reviewer was put on the same application twice: assign again",
							"review_assignment_replaces_once", "That conflict has been reassigned already",
							"review_assignment_of_eligible", "Only eligible applications are reviewed"));
			told.merge(one.reviewerId(), 1, Integer::sum);
		}
		told.forEach((reviewer, count) -> this.events.publishEvent(new Notice(
				"review-assigned:" + round.id() + ":" + reviewer + ":" + now.toEpochMilli(), null, "review-assigned",
				Map.of("round", round.title(), "count", count == 1 ? "1 application" : count + " applications"),
				"/review", Audience.users(usernameOf(reviewer)))));
	}

	/** How many of the round's applications each reviewer has that count. */
	private Map<Long, Integer> load(RoundView round) {
		Map<Long, Integer> load = new HashMap<>();
		this.jdbc
			.sql("select r.reviewer_id, count(*) from review_assignment r join application a on a.id = r.application_id "
					+ "where r.round_id = ? and a.status = 'ELIGIBLE' and r.status in ('ASSIGNED', 'DECLARED', 'SUBMITTED') "
					+ "group by r.reviewer_id")
			.param(round.id())
			.query((row, n) -> load.put(row.getLong(1), row.getInt(2)))
			.list();
		return load;
	}

	String usernameOf(long userId) {
		return this.jdbc.sql("select username from app_user where id = ?").param(userId).query(String.class).single();
	}

	/** The round, its row taken until the transaction ends. */
	RoundView lockedRound(String reference) {
		RoundView round = round(reference);
		this.jdbc.sql("select id from grant_round where id = ? for update")
			.param(round.id())
			.query(Long.class)
			.single();
		return this.rounds.find(round.id()).orElseThrow();
	}

	private Instant now() {
		return this.clock.instant();
	}

}
