package uk.opcc.cspgrants.monitoring;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions kept pages are keyed by ({@code DataVersions}) see a change committed by a
 * service of this node at once, and one made by hand in SQL (or on another node) within
 * their max age of a second. Uses 2013-14, a year no other test uses.
 */
@IntegrationTest
class DataVersionsInUseTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2013-14");

	@Autowired
	GrantManagement grants;

	@Autowired
	QuarterlyReports reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeMadeHereShowsAtOnceAndOneMadeByHandWithinASecond() throws InterruptedException {
		String before = this.reports.version(YEAR);
		this.grants.setHistoric(YEAR, "HAR", Money.of("5000"), Money.ZERO, "Versions test", null);
		String afterGrant = this.reports.version(YEAR);
		assertThat(afterGrant).isNotEqualTo(before);

		this.jdbc.sql("update grant_award set carry_forward = 17.00, version = version + 1 where financial_year = ?")
			.param(YEAR.startYear())
			.update();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
		while (this.reports.version(YEAR).equals(afterGrant) && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(this.reports.version(YEAR)).as("a change made by hand, after the max age").isNotEqualTo(afterGrant);
		assertThat(this.grants.grants(YEAR)).singleElement()
			.satisfies(grant -> assertThat(grant.carryForward()).isEqualTo(Money.of("17.00")));
	}

}
