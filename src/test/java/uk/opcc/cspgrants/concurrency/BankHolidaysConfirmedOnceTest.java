package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.calendar.BankHolidays;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two administrators each uploaded a newer bank holidays file, checked against the
 * shipped one, and press "Put these bank holidays in force" twenty times at once between
 * them, over real HTTP on real PostgreSQL: one file is put in force, once (one redirect);
 * every other press gets 409 with a message (the same file again, or the other file, now
 * out of date) and nothing answers 500; the audit trail holds one confirmation. On a
 * database of its own.
 */
class BankHolidaysConfirmedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("bank_holidays_confirmed_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void twentyConfirmationsOfTwoFilesAtOncePutOneInForceOnce() throws Exception {
		String shipped = new ClassPathResource("bank-holidays.json").getContentAsString(StandardCharsets.UTF_8);
		long first = waiting(shipped.replace("\"2028-12-26\"", "\"2028-12-29\""));
		long second = waiting(shipped.replace("\"2028-12-26\"", "\"2028-12-29\""));
		LiveApplication.Browser admin = app.signIn("admin");

		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> admin.post("/admin/bank-holidays/check/" + ((i % 2 == 0) ? first : second), Map.of()));

		assertThat(LiveApplication.statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 302) {
				assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/bank-holidays");
			}
			else {
				assertThat(response.body()).contains("There is a problem")
					.containsAnyOf("already in force", "Someone else put a newer bank holidays file in force");
			}
		}
		assertThat(db.queryForObject("select count(*) from bank_holiday_file where confirmed_at is not null",
				Integer.class))
			.isEqualTo(1);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'BankHolidayFile' and action = 'CONFIRM'",
				Integer.class))
			.isEqualTo(1);
		BankHolidays inForce = app.bean(BankHolidays.class);
		assertThat(inForce.workingDays().isWorkingDay(LocalDate.of(2028, 12, 29))).isFalse();
		assertThat(inForce.workingDays().isWorkingDay(LocalDate.of(2028, 12, 26))).isTrue();
	}

	private static long waiting(String content) {
		return db.queryForObject("""
				insert into bank_holiday_file (content, file_name, replaces, uploaded_by, uploaded_by_name, uploaded_at)
				values (?, 'bank-holidays.json', 0, 'admin', 'Ada Admin', now()) returning id
				""", Long.class, content);
	}

}
