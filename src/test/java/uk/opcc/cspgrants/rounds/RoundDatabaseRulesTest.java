package uk.opcc.cspgrants.rounds;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database refuses of a round whatever connects (V46), written in SQL as the
 * application's role: a stream of another year, awards outside the budget, a round that
 * closes before it opens, a reference taken in another case, criteria that do not weigh
 * 100, a scale point above the top, and any change of the setup once the round is no
 * longer a draft (V46); a round opened only complete and with who opened it, its moves,
 * its closing time only later while open, a cancellation with a reason, and one move from
 * each closing time (V47). On 1996-97, a year no other test uses.
 */
@IntegrationTest
class RoundDatabaseRulesTest {

	private static final String COLUMNS = "insert into grant_round (reference, title, financial_year, route, stream_id, "
			+ "budget, min_award, max_award, opens_at, closes_at, created_by, created_at, updated_by, updated_at) ";

	@Autowired
	JdbcTemplate jdbc;

	private RoundFixture fixture;

	private long round;

	@BeforeEach
	void year() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1996-97"));
		this.round = insert("DB-1996", this.fixture.stream, 1996, "1000", "10000", "100000", "1996-07-31");
	}

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
	}

	@Test
	void aRoundSpendsAStreamOfItsOwnYearWithinItsBudgetAndClosesAfterItOpens() {
		assertThatThrownBy(
				() -> insert("DB-1996-B", this.fixture.stream, 1997, "1000", "10000", "100000", "1996-07-31"))
			.hasMessageContaining("grant_round_stream_of_its_year");
		assertThatThrownBy(
				() -> insert("DB-1996-B", this.fixture.stream, 1996, "10000", "1000", "100000", "1996-07-31"))
			.hasMessageContaining("grant_round_awards_within_budget");
		assertThatThrownBy(
				() -> insert("DB-1996-B", this.fixture.stream, 1996, "1000", "10000", "9999.99", "1996-07-31"))
			.hasMessageContaining("grant_round_awards_within_budget");
		assertThatThrownBy(
				() -> insert("DB-1996-B", this.fixture.stream, 1996, "1000", "10000", "100000", "1996-06-30"))
			.hasMessageContaining("grant_round_opens_before_it_closes");
		assertThatThrownBy(() -> insert("db-1996", this.fixture.stream, 1996, "1000", "10000", "100000", "1996-07-31"))
			.hasMessageContaining("grant_round_reference_once");
	}

	@Test
	void criteriaWeighExactlyAHundredAndScalePointsStayWithinTheScale() {
		assertThatThrownBy(() -> criterion(1, "Evidence of need", "99.99"))
			.hasMessageContaining("weigh 99.99 between them, not 100");
		criterion(1, "Evidence of need", "100");
		assertThatThrownBy(() -> this.jdbc
			.update("insert into round_scale_point (round_id, point, description) values (?, 6, 'Beyond')", this.round))
			.hasMessageContaining("Point 6 is above the top of the round's scale (5)");
		assertThatThrownBy(() -> this.jdbc
			.update("insert into round_scale_point (round_id, point, description) values (?, 1, '  ')", this.round))
			.hasMessageContaining("round_scale_point_description_check");
	}

	@Test
	void onlyADraftsSetupChanges() {
		makeComplete();
		open();
		assertThatThrownBy(() -> this.jdbc.update("update grant_round set budget = 200000 where id = ?", this.round))
			.hasMessageContaining("The setup of a grant round that is open does not change");
		assertThatThrownBy(() -> criterion(2, "Outcomes", "100"))
			.hasMessageContaining("The setup of a grant round that is open does not change");
		assertThatThrownBy(() -> this.jdbc.update("insert into round_theme (round_id, theme_id) values (?, ?)",
				this.round, this.fixture.reoffending))
			.hasMessageContaining("The setup of a grant round that is open does not change");
		assertThat(this.jdbc.update("update grant_round set closes_at = closes_at + interval '1 day' where id = ?",
				this.round))
			.isEqualTo(1);
	}

	@Test
	void truncateIsRefused() {
		for (String table : new String[] { "grant_round", "round_theme", "round_criterion", "round_scale_point",
				"round_deadline_change" }) {
			assertThatThrownBy(() -> this.jdbc.execute("truncate " + table)).as(table)
				.rootCause()
				.hasMessageContaining("permission denied for table " + table);
		}
	}

	@Test
	void aRoundOpensOnlyCompleteAndWithWhoOpenedIt() {
		assertThatThrownBy(this::open).hasMessageContaining("Grant round DB-1996 is not complete enough to open");
		makeComplete();
		this.jdbc.update("delete from round_scale_point where round_id = ? and point = 3", this.round);
		assertThatThrownBy(this::open).hasMessageContaining("Grant round DB-1996 is not complete enough to open");
		this.jdbc.update("insert into round_scale_point (round_id, point, description) values (?, 3, 'Adequate')",
				this.round);
		assertThatThrownBy(() -> this.jdbc.update("update grant_round set status = 'OPEN' where id = ?", this.round))
			.hasMessageContaining("grant_round_opened_when_past_draft");
		open();
		assertThat(this.jdbc.queryForObject("select status from grant_round where id = ?", String.class, this.round))
			.isEqualTo("OPEN");
	}

	@Test
	void aRoundMovesOnlyAsItsStatusesAllowAndItsClosingTimeOnlyLaterWhileOpen() {
		makeComplete();
		assertThatThrownBy(() -> this.jdbc.update(
				"update grant_round set status = 'CLOSED', closed_by = 'test', " + "closed_at = now() where id = ?",
				this.round))
			.hasMessageContaining("A grant round that is draft does not become closed");
		open();
		assertThatThrownBy(() -> this.jdbc.update(
				"update grant_round set status = 'DRAFT', opened_by = null, " + "opened_at = null where id = ?",
				this.round))
			.hasMessageContaining("A grant round that is open does not become draft");
		assertThatThrownBy(() -> this.jdbc
			.update("update grant_round set closes_at = closes_at - interval '1 minute' where id = ?", this.round))
			.hasMessageContaining("The closing time of a grant round that is open only moves later while it is open");
		assertThat(this.jdbc.update("update grant_round set closes_at = closes_at + interval '1 day' where id = ?",
				this.round))
			.isEqualTo(1);
		assertThatThrownBy(() -> this.jdbc.update("update grant_round set status = 'CLOSED' where id = ?", this.round))
			.hasMessageContaining("grant_round_closed_when_past_open");
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		assertThatThrownBy(() -> this.jdbc
			.update("update grant_round set closes_at = closes_at + interval '1 day' where id = ?", this.round))
			.hasMessageContaining("The closing time of a grant round that is closed only moves later while it is open");
		assertThatThrownBy(() -> this.jdbc.update("update grant_round set status = 'CANCELLED', cancelled_by = 'test', "
				+ "cancelled_at = now(), cancel_reason = 'Late' where id = ?", this.round))
			.hasMessageContaining("A grant round that is closed does not become cancelled");
	}

	@Test
	void aCancelledRoundSaysWhyAndAClosingTimeMovesOnceFromEachTime() {
		assertThatThrownBy(() -> this.jdbc.update("update grant_round set status = 'CANCELLED', cancelled_by = 'test', "
				+ "cancelled_at = now(), cancel_reason = '  ' where id = ?", this.round))
			.hasMessageContaining("grant_round_cancelled_with_a_reason");
		String change = "insert into round_deadline_change (round_id, from_closes_at, to_closes_at, reason, changed_by, "
				+ "changed_at) values (?, timestamptz '1996-07-31 17:00+01', ?::timestamptz, 'More time', 'test', now())";
		this.jdbc.update(change, this.round, "1996-08-07 17:00+01");
		assertThatThrownBy(() -> this.jdbc.update(change, this.round, "1996-08-14 17:00+01"))
			.hasMessageContaining("round_deadline_change_once_from");
		assertThatThrownBy(() -> this.jdbc.update(change, this.round, "1996-07-30 17:00+01"))
			.hasMessageContaining("round_deadline_change_later_only");
	}

	private void makeComplete() {
		criterion(1, "Evidence of need", "100");
		this.jdbc.update("insert into round_theme (round_id, theme_id) values (?, ?)", this.round,
				this.fixture.vulnerable);
		for (int point = 0; point <= 5; point++) {
			this.jdbc.update("insert into round_scale_point (round_id, point, description) values (?, ?, ?)",
					this.round, point, "Point " + point);
		}
		this.jdbc.update("update grant_round set guidance = 'Read this', eligibility = 'Charities' where id = ?",
				this.round);
	}

	private void open() {
		this.jdbc.update("update grant_round set status = 'OPEN', opened_by = 'test', opened_at = now() where id = ?",
				this.round);
	}

	private long insert(String reference, long stream, int year, String min, String max, String budget, String closes) {
		return this.jdbc.queryForObject(COLUMNS + "values (?, 'Round', ?, 'PCC_GRANT', ?, ?::numeric, ?::numeric, "
				+ "?::numeric, timestamptz '1996-07-01 09:00+01', (?::date + time '17:00')::timestamptz, 'test', now(), "
				+ "'test', now()) returning id", Long.class, reference, year, stream, budget, min, max, closes);
	}

	private void criterion(int position, String name, String weight) {
		this.jdbc.update("insert into round_criterion (round_id, position, name, weight) values (?, ?, ?, ?::numeric)",
				this.round, position, name, weight);
	}

}
