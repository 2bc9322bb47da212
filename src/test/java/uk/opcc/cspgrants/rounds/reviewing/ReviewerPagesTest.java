package uk.opcc.cspgrants.rounds.reviewing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.ReviewerFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Themed reviewers on the pages: an officer puts three reviewers on a round (two for its
 * theme, one for all), assigning is refused while the round is open, then shares its two
 * eligible applications two reviewers each, and a second press has nothing to assign; a
 * reviewer sees only what a conflict needs before declaring, the application after "no",
 * and after a conflict nothing, the application going to the third reviewer at once;
 * another reviewer's assignment is not found. On the shared demo database in 1989-90.
 */
@IntegrationTest
class ReviewerPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	private long round;

	private long ann;

	private long bob;

	private long dan;

	private RequestPostProcessor officer;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1989-90"));
		this.round = this.fixture.openRound("REVIEW-1989", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(this.jdbc);
		for (int number = 1; number <= 2; number++) {
			long id = this.fixture.submittedApplication(this.round, applicant, number, "Group " + number,
					"112345" + number, new BigDecimal("2000.00"));
			this.fixture.eligible(id);
		}
		this.ann = ReviewerFixture.make(this.jdbc, "ann.reviewer", "Ann Adams");
		this.bob = ReviewerFixture.make(this.jdbc, "bob.reviewer", "Bob Brown");
		this.dan = ReviewerFixture.make(this.jdbc, "dan.reviewer", "Dan Davies");
		this.officer = user(Principals.of("officer", this.jdbc));
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.jdbc);
		for (String reviewer : List.of("ann.reviewer", "bob.reviewer", "dan.reviewer")) {
			ReviewerFixture.remove(this.jdbc, reviewer);
		}
	}

	@Test
	void reviewersAreAssignedEvenlyDeclareOnceAndAConflictGoesToAnother() throws Exception {
		String reoffending = Long.toString(this.fixture.reoffending);
		this.mvc.perform(addReviewer(null, reoffending))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a reviewer from the list")));
		this.mvc.perform(addReviewer(this.ann, reoffending)).andExpect(redirectedUrl("/rounds/REVIEW-1989/reviewers"));
		this.mvc.perform(addReviewer(this.ann, reoffending))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(containsString("Ann Adams already reviews Reoffending and Offending in this round")));
		this.mvc.perform(addReviewer(this.bob, reoffending)).andExpect(status().isFound());
		this.mvc.perform(addReviewer(this.dan, "all")).andExpect(status().isFound());
		this.mvc.perform(get("/rounds/REVIEW-1989/reviewers").with(this.officer))
			.andExpect(content().string(
					allOf(containsString("Ann Adams"), containsString("Dan Davies"), containsString("All themes"))));
		this.mvc.perform(post("/rounds/REVIEW-1989/assignments").with(this.officer).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(containsString("Reviewers are assigned once Small grants REVIEW-1989 has closed")));
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		this.mvc.perform(post("/rounds/REVIEW-1989/assignments").with(this.officer).with(csrf()))
			.andExpect(redirectedUrl("/rounds/REVIEW-1989/assignments"));
		// worked by hand: application 1 Ann, Bob (all at 0, by name); application 2 Dan
		// (0), then Ann (1)
		assertThat(this.jdbc.queryForList("select a.number || ' ' || u.display_name from review_assignment r "
				+ "join application a on a.id = r.application_id join app_user u on u.id = r.reviewer_id "
				+ "where r.round_id = ? order by r.id", String.class, this.round))
			.containsExactly("1 Ann Adams", "1 Bob Brown", "2 Dan Davies", "2 Ann Adams");
		this.mvc.perform(post("/rounds/REVIEW-1989/assignments").with(this.officer).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Every eligible application already has 2 reviewers")));
		assertThat(this.jdbc.queryForObject("select count(*) from notification where template = 'review-assigned' "
				+ "and username = 'ann.reviewer'", Long.class))
			.isEqualTo(1);

		RequestPostProcessor annSignedIn = user(Principals.of("ann.reviewer", this.jdbc));
		long first = assignment(1, this.ann);
		this.mvc.perform(get("/review").with(annSignedIn))
			.andExpect(content().string(allOf(containsString("REVIEW-1989-001"), containsString("REVIEW-1989-002"),
					containsString("Declare any conflict"))));
		this.mvc.perform(get("/review/assignments/" + first).with(annSignedIn))
			.andExpect(content().string(allOf(containsString("Do you have a conflict of interest?"),
					containsString("id=\"organisation\">Group 1<"), not(containsString("Fewer call-outs")))));
		this.mvc.perform(get("/review/assignments/" + first + "/application").with(annSignedIn))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/review/assignments/" + first).with(user(Principals.of("dan.reviewer", this.jdbc))))
			.andExpect(status().isNotFound());
		this.mvc.perform(declare(first, annSignedIn, null, null))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Select whether you have a conflict of interest")));
		this.mvc.perform(declare(first, annSignedIn, "yes", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Say what the conflict of interest is")));
		this.mvc.perform(declare(first, annSignedIn, "no", null))
			.andExpect(redirectedUrl("/review/assignments/" + first + "/application"));
		this.mvc.perform(get("/review/assignments/" + first + "/application").with(annSignedIn))
			.andExpect(content()
				.string(allOf(containsString("Fewer call-outs"), containsString("You declared no conflict"))));
		this.mvc.perform(declare(first, annSignedIn, "yes", "Too late"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("that you have no conflict of interest with this application")));

		RequestPostProcessor bobSignedIn = user(Principals.of("bob.reviewer", this.jdbc));
		long bobs = assignment(1, this.bob);
		this.mvc.perform(declare(bobs, bobSignedIn, "yes", "I am a trustee of Group 1"))
			.andExpect(redirectedUrl("/review"));
		this.mvc.perform(get("/review/assignments/" + bobs + "/application").with(bobSignedIn))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select u.display_name from review_assignment r join app_user u "
				+ "on u.id = r.reviewer_id where r.replaces_assignment_id = ?", String.class, bobs))
			.isEqualTo("Dan Davies");
		this.mvc.perform(get("/rounds/REVIEW-1989/assignments").with(this.officer))
			.andExpect(content()
				.string(allOf(containsString("Bob Brown: Conflict declared (I am a trustee of Group 1)"),
						containsString("Ann Adams: No conflict: to score"), not(containsString("Needs a reviewer")))));
		this.mvc.perform(get("/review").with(this.officer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/rounds/REVIEW-1989").with(annSignedIn)).andExpect(status().isForbidden());
	}

	@Test
	void aReviewerScoresEachCriterionWithReasonsSavesChecksAndSubmitsOnce() throws Exception {
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		long application = this.jdbc.queryForObject("select id from application where round_id = ? and number = 1",
				Long.class, this.round);
		long id = this.jdbc.queryForObject(
				"insert into review_assignment (round_id, application_id, reviewer_id, "
						+ "assigned_by, assigned_at) values (?, ?, ?, 'test', now()) returning id",
				Long.class, this.round, application, this.ann);
		RequestPostProcessor ann = user(Principals.of("ann.reviewer", this.jdbc));
		this.mvc.perform(get("/review/assignments/" + id + "/scores").with(ann)).andExpect(status().isNotFound());
		this.jdbc.update("update review_assignment set status = 'DECLARED', declared_at = now() where id = ?", id);
		String scores = "/review/assignments/" + id + "/scores";
		this.mvc.perform(get(scores).with(ann))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("1. Need (weight 100)"), containsString("4: Point 4"))));
		this.mvc.perform(
				post(scores).with(ann).with(csrf()).param("version", "0").param("score-1", "4").param("then", "check"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Give the reason for your score for “Need”"),
					containsString("value=\"4\" checked=\"checked\""))));
		this.mvc
			.perform(post(scores).with(ann)
				.with(csrf())
				.param("version", "0")
				.param("score-1", "4")
				.param("reason-1", "Clear local evidence")
				.param("then", "later"))
			.andExpect(redirectedUrl("/review"));
		this.mvc
			.perform(post(scores).with(ann)
				.with(csrf())
				.param("version", "0")
				.param("score-1", "2")
				.param("reason-1", "Second thoughts in another tab")
				.param("then", "check"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("changed in another window or tab"),
					containsString("Second thoughts in another tab</textarea>"))));
		this.mvc.perform(get("/review/assignments/" + id + "/check").with(ann))
			.andExpect(content().string(allOf(containsString("4 out of 5"), containsString("Clear local evidence"),
					containsString("your score is 80.00 out of 100"))));
		this.mvc.perform(post("/review/assignments/" + id + "/submit").with(ann).with(csrf()).param("version", "1"))
			.andExpect(redirectedUrl("/review"));
		this.mvc.perform(post("/review/assignments/" + id + "/submit").with(ann).with(csrf()).param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("You submitted your scores on")));
		this.mvc
			.perform(post(scores).with(ann)
				.with(csrf())
				.param("version", "2")
				.param("score-1", "1")
				.param("reason-1", "Changed")
				.param("then", "check"))
			.andExpect(status().isConflict());
		assertThatThrownBy(() -> this.jdbc.update("update review_score set score = 1 where assignment_id = ?", id))
			.hasMessageContaining("The scores of a review that is submitted do not change");
		this.mvc.perform(get("/rounds/REVIEW-1989/assignments").with(this.officer))
			.andExpect(content().string(containsString("Ann Adams: Scores submitted")));
		this.mvc.perform(get("/review/my-scores.csv").with(ann))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("my-scores.csv")))
			.andExpect(content()
				.string("Grant round,Application,Project,Submitted,Criterion,Weight,Score,Out of,Reason\r\n"
						+ "Small grants REVIEW-1989,REVIEW-1989-001,Project of Group 1,Yes,Need,100.00,4,5,Clear local evidence\r\n"));
		this.mvc.perform(get("/review/my-scores.csv").with(user(Principals.of("bob.reviewer", this.jdbc))))
			.andExpect(content()
				.string("Grant round,Application,Project,Submitted,Criterion,Weight,Score,Out of,Reason\r\n"));
	}

	@Test
	void aBlindRoundsReviewerSeesWhoAppliedOnlyToDeclareAndNeverTheDocumentsThatNameThem() throws Exception {
		RoundFixture blind = new RoundFixture(this.jdbc, FinancialYear.parse("1987-88"));
		try {
			long blindRound = blind.openRound("BLIND-1987", Instant.now().plus(Duration.ofDays(30)), true);
			long applicant = this.jdbc.queryForObject("select user_id from applicant_account where email = ?",
					Long.class, ApplicantFixture.EMAIL);
			long application = blind.submittedApplication(blindRound, applicant, 1, "Hidden Hands Trust", "1199999",
					new BigDecimal("2000.00"));
			blind.eligible(application);
			long constitution = document(application, "GOVERNING_DOCUMENT", "constitution.pdf");
			long policy = document(application, "SAFEGUARDING_POLICY", "policy.pdf");
			long id = this.jdbc.queryForObject(
					"insert into review_assignment (round_id, application_id, reviewer_id, "
							+ "assigned_by, assigned_at) values (?, ?, ?, 'test', now()) returning id",
					Long.class, blindRound, application, this.ann);
			RequestPostProcessor ann = user(Principals.of("ann.reviewer", this.jdbc));
			this.mvc.perform(get("/review/assignments/" + id).with(ann))
				.andExpect(content().string(allOf(containsString("Hidden Hands Trust"), containsString("1199999"))));
			this.mvc.perform(declare(id, ann, "no", null))
				.andExpect(redirectedUrl("/review/assignments/" + id + "/application"));
			this.mvc.perform(get("/review/assignments/" + id + "/application").with(ann))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Who applied is withheld"),
						containsString("policy.pdf"), containsString("Fewer call-outs"), not(containsString("1199999")),
						not(containsString("Sam Smith")), not(containsString("sam@example.org")),
						not(containsString("constitution.pdf")))));
			this.mvc.perform(get("/review/assignments/" + id + "/documents/" + constitution).with(ann))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/review/assignments/" + id + "/documents/" + policy).with(ann))
				.andExpect(status().isOk());
		}
		finally {
			blind.remove(this.owner);
		}
	}

	/**
	 * A document of a submitted application, written as the tables' owner (as if uploaded
	 * before).
	 */
	private long document(long application, String kind, String name) {
		byte[] content = uk.opcc.cspgrants.support.TestDocuments.pdf(name);
		String sha = this.jdbc.queryForObject("select encode(sha256(?), 'hex')", String.class, (Object) content);
		JdbcTemplate asOwner = new JdbcTemplate(this.owner);
		return new org.springframework.transaction.support.TransactionTemplate(
				new org.springframework.jdbc.datasource.DataSourceTransactionManager(this.owner))
			.execute(status -> {
				asOwner.execute("alter table application_document disable trigger user");
				long id = asOwner.queryForObject(
						"insert into application_document (application_id, kind, file_name, "
								+ "content_type, size_bytes, sha256, uploaded_by, uploaded_at) values (?, ?, ?, "
								+ "'application/pdf', ?, ?, 'test', now()) returning id",
						Long.class, application, kind, name, content.length, sha);
				asOwner.update("insert into application_document_content (document_id, content) values (?, ?)", id,
						content);
				asOwner.execute("alter table application_document enable trigger user");
				return id;
			});
	}

	@Test
	void theReviewersApiShowsOnlyWhatThePagesShowAndScoresOnce() throws Exception {
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		long first = this.jdbc.queryForObject("select id from application where round_id = ? and number = 1",
				Long.class, this.round);
		long second = this.jdbc.queryForObject("select id from application where round_id = ? and number = 2",
				Long.class, this.round);
		String insert = "insert into review_assignment (round_id, application_id, reviewer_id, assigned_by, "
				+ "assigned_at) values (?, ?, ?, 'test', now()) returning id";
		long id = this.jdbc.queryForObject(insert, Long.class, this.round, first, this.ann);
		long conflicted = this.jdbc.queryForObject(insert, Long.class, this.round, second, this.ann);
		RequestPostProcessor ann = user(Principals.of("ann.reviewer", this.jdbc));
		String one = "/api/v1/review/assignments/" + id;
		this.mvc.perform(get("/api/v1/review").with(ann))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].application").value("REVIEW-1989-001"))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].readable").value(false));
		this.mvc.perform(get(one).with(ann))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.whoApplied.organisation").value("Group 1"))
			.andExpect(jsonPath("$.application").doesNotExist());
		this.mvc
			.perform(post(one + "/declaration").with(ann)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"conflict\": false, \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLARED"));
		this.mvc
			.perform(post("/api/v1/review/assignments/" + conflicted + "/declaration").with(ann)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"conflict\": true, \"reason\": \"I chair Group 2\", \"version\": 0}"))
			.andExpect(jsonPath("$.status").value("CONFLICTED"));
		this.mvc.perform(get("/api/v1/review/assignments/" + conflicted).with(ann)).andExpect(status().isNotFound());
		this.mvc.perform(get(one).with(ann))
			.andExpect(jsonPath("$.application.organisationName").value("Group 1"))
			.andExpect(jsonPath("$.application.eligibilityDecidedBy").doesNotExist())
			.andExpect(jsonPath("$.criteria[0].name").value("Need"))
			.andExpect(jsonPath("$.scaleMax").value(5));
		String version = this.jdbc.queryForObject("select version::text from review_assignment where id = ?",
				String.class, id);
		this.mvc
			.perform(put(one + "/scores").with(ann)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scores\": {\"1\": {\"score\": 6, \"reason\": \"Off the scale\"}}, \"complete\": true, "
						+ "\"version\": " + version + "}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(put(one + "/scores").with(ann)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scores\": {\"1\": {\"score\": 4, \"reason\": \"Clear need\"}}, \"complete\": true, "
						+ "\"version\": " + version + "}"))
			.andExpect(status().isOk());
		String saved = this.jdbc.queryForObject("select version::text from review_assignment where id = ?",
				String.class, id);
		this.mvc
			.perform(post(one + "/submit").with(ann)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": " + saved + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.total").value(80.00));
		this.mvc
			.perform(post(one + "/submit").with(ann)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": " + saved + "}"))
			.andExpect(status().isConflict());
		this.mvc.perform(get(one).with(user(Principals.of("bob.reviewer", this.jdbc))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/review").with(this.officer)).andExpect(status().isForbidden());
	}

	@Test
	void whoReviewsChangesOnlyUntilTheRoundIsAssessedAndNobodyLeavesWithReviewsToDo() throws Exception {
		this.mvc.perform(addReviewer(this.ann, "not-a-theme"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose one of the round&#39;s themes, or all of them")));
		this.mvc.perform(addReviewer(this.ann, "all")).andExpect(status().isFound());
		long annsRow = this.jdbc.queryForObject("select id from round_reviewer where user_id = ?", Long.class,
				this.ann);
		long application = this.jdbc.queryForObject("select min(id) from application where round_id = ?", Long.class,
				this.round);
		this.jdbc.update("insert into review_assignment (round_id, application_id, reviewer_id, assigned_by, "
				+ "assigned_at) values (?, ?, ?, 'test', now())", this.round, application, this.ann);
		this.mvc.perform(post("/rounds/REVIEW-1989/reviewers/" + annsRow + "/remove").with(this.officer).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Ann Adams has 1 of the round&#39;s applications")));
		assertThatThrownBy(() -> this.jdbc.update("delete from round_reviewer where id = ?", annsRow))
			.hasMessageContaining("A reviewer with applications of round " + this.round + " to review stays on it");

		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		this.mvc.perform(addReviewer(this.bob, "all")).andExpect(status().isFound());
		this.fixture.assessed(this.owner, this.round);
		this.mvc.perform(addReviewer(this.dan, "all"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("is assessed: its reviewers no longer change")));
		assertThatThrownBy(() -> this.jdbc.update("insert into round_reviewer (round_id, user_id, theme_id, added_by, "
				+ "added_at) values (?, ?, null, 'test', now())", this.round, this.dan))
			.hasMessageContaining("The reviewers of round " + this.round + " no longer change: it is assessed");
		long bobsRow = this.jdbc.queryForObject("select id from round_reviewer where user_id = ?", Long.class,
				this.bob);
		assertThatThrownBy(() -> this.jdbc.update("delete from round_reviewer where id = ?", bobsRow))
			.hasMessageContaining("The reviewers of round " + this.round + " no longer change: it is assessed");
		assertThat(this.jdbc.queryForObject("select count(*) from round_reviewer where round_id = ?", Long.class,
				this.round))
			.isEqualTo(2);
	}

	private org.springframework.test.web.servlet.RequestBuilder addReviewer(Long userId, String theme) {
		var request = post("/rounds/REVIEW-1989/reviewers").with(this.officer).with(csrf()).param("themeId", theme);
		return (userId == null) ? request : request.param("userId", userId.toString());
	}

	private org.springframework.test.web.servlet.RequestBuilder declare(long assignment, RequestPostProcessor who,
			String conflict, String reason) {
		var request = post("/review/assignments/" + assignment + "/declare").with(who)
			.with(csrf())
			.param("version", "0");
		if (conflict != null) {
			request.param("conflict", conflict);
		}
		return (reason == null) ? request : request.param("reason", reason);
	}

	private long assignment(int number, long reviewer) {
		return this.jdbc.queryForObject(
				"select r.id from review_assignment r join application a "
						+ "on a.id = r.application_id where a.round_id = ? and a.number = ? and r.reviewer_id = ?",
				Long.class, this.round, number, reviewer);
	}

}
