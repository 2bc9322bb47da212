package uk.opcc.cspgrants.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.opcc.cspgrants.CspGrantsApplication;
import uk.opcc.cspgrants.support.TestPostgres;

/**
 * The load test's data (profiles {@code demo,national-scale}) on a database of its own:
 * the scale the issue asks for, every year's grants adding up to the pot of
 * £3,000,000.00, the returns' activities adding up to their returns, and a second start
 * that leaves it as it is.
 */
class NationalScaleDataTest {

	@Test
	void threeHundredPartnershipsTenYearsOfGrantsAndFourReturnsEach() {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("national_scale");
		try (ConfigurableApplicationContext first = start(database)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(count(jdbc, "select count(*) from partnership where active")).isEqualTo(300);
			assertThat(count(jdbc, "select count(*) from partnership_group where name like 'Generated force area %'"))
				.isEqualTo(30);
			assertThat(
					count(jdbc,
							"select count(distinct partnership_id) from partnership_group_member m "
									+ "join partnership p on p.id = m.partnership_id where p.code like 'GEN%'"))
				.isEqualTo(291);
			assertThat(jdbc
				.sql("select financial_year || ' ' || status || ' ' || pot from formula_run "
						+ "where note = 'Generated for the load test' order by financial_year")
				.query(String.class)
				.list()).containsExactly("2013 APPROVED 3000000.00", "2014 APPROVED 3000000.00",
						"2015 APPROVED 3000000.00", "2016 APPROVED 3000000.00", "2017 APPROVED 3000000.00",
						"2018 APPROVED 3000000.00", "2019 APPROVED 3000000.00", "2020 APPROVED 3000000.00",
						"2021 APPROVED 3000000.00", "2022 APPROVED 3000000.00");
			List<BigDecimal> grantsByYear = jdbc
				.sql("select sum(l.amount) from grant_line l join grant_award g on g.id = l.grant_id "
						+ "where g.financial_year between 2013 and 2022 group by g.financial_year")
				.query(BigDecimal.class)
				.list();
			assertThat(grantsByYear).hasSize(10)
				.allSatisfy((total) -> assertThat(total).isEqualByComparingTo("3000000.00"));
			assertThat(count(jdbc, "select count(*) from grant_award where financial_year between 2013 and 2022"))
				.isEqualTo(3000);
			assertThat(count(jdbc, "select count(*) from quarterly_return where status = 'ACCEPTED' "
					+ "and financial_year between 2013 and 2022"))
				.isEqualTo(12000);
			assertThat(count(jdbc,
					"select count(*) from quarterly_return r where r.financial_year between 2013 and 2022 and "
							+ "(select count(*) || ' ' || sum(planned) || ' ' || sum(spend) from return_activity a "
							+ "where a.return_id = r.id) <> '3 ' || r.planned_allocation || ' ' || r.cumulative_spend"))
				.as("returns whose three activities do not add up to them to the penny")
				.isZero();
		}
		try (ConfigurableApplicationContext second = start(database)) {
			assertThat(count(second.getBean(JdbcClient.class), "select count(*) from partnership")).isEqualTo(300);
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static ConfigurableApplicationContext start(TestPostgres.DatabaseAddress database) {
		return new SpringApplicationBuilder(CspGrantsApplication.class).profiles("demo", "national-scale")
			.properties(TestPostgres.applicationProperties(database, "SERVER_PORT=0"))
			.run();
	}

}
