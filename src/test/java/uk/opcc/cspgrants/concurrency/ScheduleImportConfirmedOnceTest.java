package uk.opcc.cspgrants.concurrency;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.spreadsheet.ImportChoices;
import uk.opcc.cspgrants.commissioning.spreadsheet.ImportYearRows;
import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleImports;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A schedule's import is confirmed once. On a database of its own, with a year set up for
 * it ({@link ImportYearRows}), the seed's table (EXE 0025/13, 97 lines) is uploaded and
 * twenty officers press "Import 97 lines" on its check page at the same moment: one
 * import is made, the others get 409 saying who confirmed it, nobody a 500, the
 * confirmation is audited once and the schedule has the 97 lines once.
 *
 * <p>
 * The confirmation calls {@code AwardScheduleManagement.open/importLines} and
 * {@code OrganisationManagement.findOrCreateByName}: this test runs once the schedule's
 * and organisations' parts of issue 15 are merged (before that they are the contract's
 * stubs, which throw).
 */
class ScheduleImportConfirmedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("schedule_import_once");
		db = app.database();
		ImportYearRows.add(db);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void anImportConfirmedTwentyTimesAtOnceIsImportedOnce() throws IOException {
		ScheduleImports imports = app.bean(ScheduleImports.class);
		long id = imports.upload(ImportYearRows.YEAR, "exe-0025-13-schedule.csv", seed(), Principals.of("officer", db));
		ImportChoices choices = ImportChoices.defaults(imports.check(ImportYearRows.YEAR, id).reading());
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < choices.getRecipients().size(); i++) {
			form.put("recipients[" + i + "]", choices.getRecipients().get(i));
			form.put("themes[" + i + "]", String.valueOf(choices.getThemes().get(i)));
		}
		// the seed's sections cannot be paid each from one stream without going over one
		// of them (its lines add up to 3,240,231): the schedule allows 10%, and the
		// sections are paid as a finance officer would split them: the grant pays the
		// councils, Rutland and the force (1,646,264), force funding the standalone lines
		// and the new commissioning (1,309,867, within 10%), the reserve the police in
		// kind
		// (284,100)
		db.update("insert into award_schedule (financial_year, title, tolerance_percent, created_at, updated_at) "
				+ "values (?, 'Partner funding', 10, now(), now())", ImportYearRows.YEAR.startYear());
		List<Long> streams = db.queryForList("select id from funding_stream where financial_year = ? order by id",
				Long.class, ImportYearRows.YEAR.startYear());
		// the schedule as the check page shows it: version 0
		form.put("scheduleVersion", "0");
		int[] streamOfSection = { 0, 0, 0, 1, 0, 2, 1 };
		for (int i = 0; i < streamOfSection.length; i++) {
			form.put("streams[" + i + "]", String.valueOf(streams.get(streamOfSection[i])));
		}
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/" + ImportYearRows.YEAR + "/schedule/import/" + id, form));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("This import was already confirmed by Olu Officer");
			}
		}
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'ScheduleImport' "
				+ "and action = 'CONFIRM' and entity_id = ?", Long.class, String.valueOf(id)))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from award_line l join award_schedule s on s.id = l.schedule_id "
				+ "where s.financial_year = ?", Long.class, ImportYearRows.YEAR.startYear()))
			.isEqualTo(97);
		assertThat(db.queryForObject(
				"select sum(p.amount) from award_line_period p join award_line l on l.id = p.line_id "
						+ "join award_schedule s on s.id = l.schedule_id where s.financial_year = ?",
				java.math.BigDecimal.class, ImportYearRows.YEAR.startYear()))
			.isEqualByComparingTo("3240231");
		assertThat(db.queryForObject("select lines_imported from schedule_import where id = ?", Integer.class, id))
			.isEqualTo(97);
	}

	private static byte[] seed() throws IOException {
		try (InputStream in = ScheduleImportConfirmedOnceTest.class
			.getResourceAsStream("/demo/exe-0025-13-schedule.csv")) {
			return in.readAllBytes();
		}
	}

}
