package uk.opcc.cspgrants.rounds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * longer a draft. On 1996-97, a year no other test uses.
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

	@AfterEach
	void remove() {
		this.jdbc.update("update grant_round set status = 'DRAFT' where financial_year = 1996");
		this.fixture.remove();
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
		this.jdbc.update("update grant_round set status = 'OPEN' where id = ?", this.round);
		assertThatThrownBy(() -> this.jdbc.update("update grant_round set budget = 200000 where id = ?", this.round))
			.hasMessageContaining("The setup of a grant round that is open does not change");
		assertThatThrownBy(() -> criterion(1, "Evidence of need", "100"))
			.hasMessageContaining("The setup of a grant round that is open does not change");
		assertThatThrownBy(() -> this.jdbc.update("insert into round_theme (round_id, theme_id) values (?, ?)",
				this.round, this.fixture.vulnerable))
			.hasMessageContaining("The setup of a grant round that is open does not change");
		assertThat(this.jdbc.update("update grant_round set closes_at = closes_at + interval '1 day' where id = ?",
				this.round))
			.isEqualTo(1);
	}

	@Test
	void truncateIsRefused() {
		for (String table : new String[] { "grant_round", "round_theme", "round_criterion", "round_scale_point" }) {
			assertThatThrownBy(() -> this.jdbc.execute("truncate " + table)).as(table)
				.rootCause()
				.hasMessageContaining("permission denied for table " + table);
		}
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
