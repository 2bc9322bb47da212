package uk.opcc.cspgrants.indicators;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.opcc.cspgrants.indicators.CrimeFileRulesTest.LEICESTERSHIRE;
import static uk.opcc.cspgrants.indicators.CrimeFileRulesTest.NOTTINGHAMSHIRE;
import static uk.opcc.cspgrants.indicators.CrimeFileRulesTest.record;
import static uk.opcc.cspgrants.indicators.CrimeFileRulesTest.street;

/**
 * Loads are keyed by force and month. The demo's real figures (Leicester 45,836 crimes
 * and Melton 3,314 in 2023-24, counted independently with awk over the 24 street files)
 * must not move when another force's file is loaded; test files for 2032-33 check the
 * rules on figures counted by hand. Every test removes what it loaded.
 */
@IntegrationTest
class CrimeLoadsByForceTest {

	private static final FinancialYear DEMO_YEAR = FinancialYear.parse("2023-24");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IndicatorManagement indicators;

	@AfterEach
	void removeTestLoads() {
		this.jdbc.update("delete from crime_month where force = ? or month >= '2032-01-01'", NOTTINGHAMSHIRE);
		this.jdbc.update("delete from crime_month where force = 'Test Police' and month = '2032-09-01'");
	}

	@Test
	void anotherForcesMonthLeavesLeicestershiresFiguresAsTheyAreAndAddsItsBorderRecords() throws Exception {
		assertThat(crimes(DEMO_YEAR, "LEI")).isEqualTo(45_836);
		assertThat(crimes(DEMO_YEAR, "MEL")).isEqualTo(3_314);

		// Three records in Rushcliffe (no partnership here) and two in Melton, a border
		// area
		load(file("2023-04-nottinghamshire-street.csv",
				street(record("n1", "2023-04", NOTTINGHAMSHIRE, "Rushcliffe 001A", "Burglary"),
						record("n2", "2023-04", NOTTINGHAMSHIRE, "Rushcliffe 001A", "Burglary"),
						record("n3", "2023-04", NOTTINGHAMSHIRE, "Rushcliffe 002B", "Drugs"),
						record("n4", "2023-04", NOTTINGHAMSHIRE, "Melton 001A", "Burglary"),
						record("n5", "2023-04", NOTTINGHAMSHIRE, "Melton 001A", "Drugs"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.months.length()").value(1))
			.andExpect(jsonPath("$.months[0].force").value(NOTTINGHAMSHIRE))
			.andExpect(jsonPath("$.changes.length()").value(1))
			.andExpect(jsonPath("$.changes[0].code").value("MEL"))
			.andExpect(jsonPath("$.changes[0].year").value("2023-24"))
			.andExpect(jsonPath("$.changes[0].crimesBefore").value(3_314))
			.andExpect(jsonPath("$.changes[0].crimesAfter").value(3_316));

		assertThat(crimes(DEMO_YEAR, "LEI")).isEqualTo(45_836);
		assertThat(crimes(DEMO_YEAR, "MEL")).isEqualTo(3_316);
		String leicester = cell(DEMO_YEAR, "LEI").source();
		assertThat(leicester).startsWith("police.uk: Leicestershire Police, Apr 2023 to Mar 2024, ")
			.doesNotContain(NOTTINGHAMSHIRE);
		assertThat(cell(DEMO_YEAR, "MEL").source())
			.startsWith("police.uk: Leicestershire Police, Apr 2023 to Mar 2024, ")
			.endsWith("; also Nottinghamshire Police (records in this area it reported), Apr 2023, 1 file");
		assertThat(this.indicators.crimeCoverage(DEMO_YEAR).complete()).isTrue();
		this.mvc
			.perform(get("/api/v1/indicators/2023-24/MEL/crime-sources")
				.with(httpBasic("finance", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.complete").value(true))
			.andExpect(jsonPath("$.forces[0].force").value(LEICESTERSHIRE))
			.andExpect(jsonPath("$.forces[1].force").value(NOTTINGHAMSHIRE))
			.andExpect(jsonPath("$.forces[1].records").value(2))
			.andExpect(jsonPath("$.forces[1].files[0].name").value("2023-04-nottinghamshire-street.csv"))
			.andExpect(jsonPath("$.forces[1].files[0].recordsRead").value(5));
		this.mvc.perform(get("/indicators/2023-24/MEL/crime-sources").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2023-04-nottinghamshire-street.csv")))
			.andExpect(content().string(containsString("Nottinghamshire Police")));
	}

	@Test
	void twoForcesLoadedInEitherOrderKeepEachOthersMonths() throws Exception {
		// Leicestershire: Leicester 3 crimes and 1 anti-social behaviour;
		// Nottinghamshire:
		// Leicester 1 (border), Rushcliffe 1
		String leicestershire = street(record("l1", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
				record("l2", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
				record("l3", "2032-04", LEICESTERSHIRE, "Leicester 002A", "Drugs"),
				record("", "2032-04", LEICESTERSHIRE, "Leicester 002A", "Anti-social behaviour"));
		String nottinghamshire = street(record("n1", "2032-04", NOTTINGHAMSHIRE, "Leicester 003A", "Burglary"),
				record("n2", "2032-04", NOTTINGHAMSHIRE, "Rushcliffe 001A", "Burglary"));
		FinancialYear year = FinancialYear.parse("2032-33");
		for (boolean leicestershireFirst : List.of(true, false)) {
			String first = leicestershireFirst ? leicestershire : nottinghamshire;
			String second = leicestershireFirst ? nottinghamshire : leicestershire;
			load(file("first.csv", first)).andExpect(status().isOk());
			load(file("second.csv", second)).andExpect(status().isOk())
				.andExpect(jsonPath("$.changes[0].code").value("LEI"))
				.andExpect(jsonPath("$.changes[0].crimesBefore").value(leicestershireFirst ? 3 : 1))
				.andExpect(jsonPath("$.changes[0].crimesAfter").value(4));
			assertThat(crimes(year, "LEI")).isEqualTo(4);
			assertThat(value(year, "LEI", IndicatorKeys.ANTI_SOCIAL_BEHAVIOUR)).isEqualTo(1);
			assertThat(this.jdbc.queryForObject("select count(*) from crime_month where month = '2032-04-01'",
					Integer.class))
				.isEqualTo(2);
			removeTestLoads();
		}
	}

	/**
	 * A month loaded before forces were kept (migration V20 names its force "Not
	 * recorded") holds some force's records: loading that month for a force replaces it,
	 * rather than adding the force's records to it (5 + 1 would be counting twice).
	 */
	@Test
	void aForcesMonthReplacesTheSameMonthLoadedBeforeForcesWereKept() throws Exception {
		this.jdbc.update(
				"insert into crime_month (force, month, loaded_at, loaded_by, source, records) "
						+ "values (?, '2033-06-01', now(), 'officer', 'loaded before forces were kept', 5)",
				PoliceUkLoads.FORCE_NOT_RECORDED);
		this.jdbc.update(
				"insert into crime_count (force, month, partnership_id, crime_type, count) "
						+ "select ?, '2033-06-01', id, 'Burglary', 5 from partnership where code = 'LEI'",
				PoliceUkLoads.FORCE_NOT_RECORDED);
		assertThat(crimes(FinancialYear.parse("2033-34"), "LEI")).isEqualTo(5);
		load(file("leics-june.csv", street(record("j1", "2033-06", LEICESTERSHIRE, "Leicester 001A", "Burglary"))))
			.andExpect(status().isOk());
		assertThat(crimes(FinancialYear.parse("2033-34"), "LEI")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from crime_month where month = '2033-06-01' and force = ?",
				Integer.class, PoliceUkLoads.FORCE_NOT_RECORDED))
			.isZero();
	}

	@Test
	void aForcesMonthLoadedAgainFromOtherContentReplacesThatForcesMonthOnly() throws Exception {
		load(file("leics.csv", street(record("l1", "2032-05", LEICESTERSHIRE, "Leicester 001A", "Burglary"))))
			.andExpect(status().isOk());
		load(file("notts.csv", street(record("n1", "2032-05", NOTTINGHAMSHIRE, "Leicester 003A", "Burglary"))))
			.andExpect(status().isOk());
		load(file("notts-revised.csv",
				street(record("n1", "2032-05", NOTTINGHAMSHIRE, "Leicester 003A", "Burglary"),
						record("n2", "2032-05", NOTTINGHAMSHIRE, "Leicester 003A", "Drugs"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.months[0].replaced").value(true))
			.andExpect(jsonPath("$.months[0].note").value(startsWith("Replaced the load of ")));
		assertThat(crimes(FinancialYear.parse("2032-33"), "LEI")).isEqualTo(3);
	}

	@Test
	void theSameFileTwiceIsRefusedInOneRequestAndLeftUnchangedInTheNext() throws Exception {
		String content = street(record("a", "2032-06", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
				record("b", "2032-06", LEICESTERSHIRE, "Leicester 001A", "Burglary"));
		this.mvc
			.perform(multipart("/api/v1/indicators/police-uk").file(file("june.csv", content))
				.file(file("june-copy.csv", content))
				.with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.refused[0].file").value("june-copy.csv"))
			.andExpect(jsonPath("$.refused[0].reason").value(containsString("june.csv")));
		assertThat(loads("2032-06-01")).isZero();

		load(file("june.csv", content)).andExpect(status().isOk())
			.andExpect(jsonPath("$.months[0].unchanged").value(false));
		load(file("june-renamed.csv", content)).andExpect(status().isOk())
			.andExpect(jsonPath("$.months[0].unchanged").value(true))
			.andExpect(jsonPath("$.months[0].note").value(startsWith("Already loaded on ")))
			.andExpect(jsonPath("$.months[0].note").value(containsString(" by Olu Officer; unchanged")))
			.andExpect(jsonPath("$.changes.length()").value(0));
		assertThat(crimes(FinancialYear.parse("2032-33"), "LEI")).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select file_name from crime_load_file where month = '2032-06-01'",
				String.class))
			.isEqualTo("june.csv");
	}

	@Test
	void duplicateCrimeIdsAreCountedOnceAndAntiSocialBehaviourRowsAsRows() throws Exception {
		load(file("dups.csv",
				street(record("x", "2032-07", LEICESTERSHIRE, "Charnwood 001A", "Burglary"),
						record("x", "2032-07", LEICESTERSHIRE, "Charnwood 001A", "Burglary"),
						record("y", "2032-07", LEICESTERSHIRE, "Charnwood 001A", "Drugs"),
						record("", "2032-07", LEICESTERSHIRE, "Charnwood 001A", "Anti-social behaviour"),
						record("", "2032-07", LEICESTERSHIRE, "Charnwood 001A", "Anti-social behaviour"),
						record("", "2032-07", LEICESTERSHIRE, "Charnwood 001A", "Anti-social behaviour"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files[0].recordsRead").value(6))
			.andExpect(jsonPath("$.files[0].duplicatesDropped").value(1))
			.andExpect(jsonPath("$.files[0].recordsCounted").value(5))
			.andExpect(jsonPath("$.months[0].records").value(5));
		FinancialYear year = FinancialYear.parse("2032-33");
		assertThat(crimes(year, "CHA")).isEqualTo(2);
		assertThat(value(year, "CHA", IndicatorKeys.ANTI_SOCIAL_BEHAVIOUR)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"select duplicates_dropped from crime_load_file where force = ? and month = '2032-07-01'", Long.class,
				LEICESTERSHIRE))
			.isEqualTo(1);
	}

	@Test
	void anEmptyAHeaderOnlyAndANoPartnershipFileBesideAGoodOneAreEachRefusedAndNothingLoads() throws Exception {
		String header = String.join(",", PoliceUkFiles.STREET_HEADER) + "\n";
		this.mvc
			.perform(multipart("/api/v1/indicators/police-uk")
				.file(file("2032-08-leicestershire-street.csv",
						street(record("a", "2032-08", LEICESTERSHIRE, "Leicester 001A", "Burglary"))))
				.file(file("2032-08-empty.csv", ""))
				.file(file("2032-08-header-only.csv", header))
				.file(file("2032-08-essex-street.csv",
						street(record("e1", "2032-08", "Essex Police", "Chelmsford 001A", "Burglary"),
								record("e2", "2032-08", "Essex Police", "Colchester 001A", "Drugs"))))
				.with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.refused.length()").value(3))
			.andExpect(jsonPath("$.refused[*].reason", hasItem(startsWith("2032-08-empty.csv is empty"))))
			.andExpect(jsonPath("$.refused[*].reason",
					hasItem(startsWith("2032-08-header-only.csv has a header but no records"))))
			.andExpect(jsonPath("$.refused[*].reason",
					hasItem("2032-08-essex-street.csv: none of its 2 records is in a partnership's area (it holds "
							+ "records reported by Essex Police, in areas such as Chelmsford, Colchester). Leave the "
							+ "file out, or add an area as one of a partnership's other names.")));
		assertThat(loads("2032-08-01")).isZero();

		this.mvc
			.perform(multipart("/indicators/import/police-uk")
				.file(file("2032-08-leicestershire-street.csv",
						street(record("a", "2032-08", LEICESTERSHIRE, "Leicester 001A", "Burglary"))))
				.file(file("2032-08-empty.csv", ""))
				.with(csrf())
				.session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("2032-08-empty.csv is empty")));
		assertThat(loads("2032-08-01")).isZero();
	}

	@Test
	void eachValueAFormulaUsesHasItsSourceAndARunKeepsIt() {
		java.util.Map<String, java.util.Map<String, java.util.Map<FinancialYear, String>>> sources = this.indicators
			.sourcesFor(List.of(DEMO_YEAR));
		assertThat(sources.get("LEI").get(IndicatorKeys.RECORDED_CRIME).get(DEMO_YEAR))
			.startsWith("police.uk: Leicestershire Police, Apr 2023 to Mar 2024, ");
		assertThat(sources.get("LEI").get(IndicatorKeys.CRIME_HARM).get(DEMO_YEAR)).endsWith(" × harm weights");
		assertThat(sources.get("LEI").keySet())
			.isEqualTo(this.indicators.valuesFor(List.of(DEMO_YEAR)).get("LEI").keySet());
		// The demo's approved 2024-25 run, made when the demo was loaded, froze 2023-24
		assertThat(this.jdbc.queryForList("select i.source from formula_run_input i join partnership p on "
				+ "p.id = i.partnership_id where p.code = 'LEI' and i.indicator = 'recorded_crime' "
				+ "and i.financial_year = 2023", String.class))
			.isNotEmpty()
			.allMatch(source -> source.startsWith("police.uk: Leicestershire Police, Apr 2023 to Mar 2024, "));
	}

	@Test
	void theDatabaseRefusesASecondLoadOfAForcesMonthANegativeCountAndFileCountsThatDoNotAddUp() {
		this.jdbc.update("insert into crime_month (force, month, loaded_at, loaded_by, source, records) "
				+ "values ('Test Police', '2032-09-01', now(), 'test', 'a.csv', 1)");
		assertThatThrownBy(() -> this.jdbc.update("insert into crime_month (force, month, loaded_at, loaded_by, "
				+ "source, records) values ('Test Police', '2032-09-01', now(), 'test', 'b.csv', 1)"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update("insert into crime_month (force, month, loaded_at, loaded_by, "
				+ "source, records) values ('Other Police', '2032-09-01', now(), 'test', 'c.csv', -1)"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update("insert into crime_load_file (force, month, file_name, sha256, "
				+ "records_read, duplicates_dropped, records_counted) values ('Test Police', '2032-09-01', 'a.csv', "
				+ "repeat('a', 64), 10, 2, 10)"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update("insert into crime_count (force, month, partnership_id, crime_type, "
				+ "count) select 'Test Police', '2032-09-01', id, 'Burglary', -1 from partnership where code = 'LEI'"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update("insert into crime_count (force, month, partnership_id, crime_type, "
				+ "count) select 'No Load Police', '2032-09-01', id, 'Burglary', 1 from partnership where code = 'LEI'"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private ResultActions load(MockMultipartFile file) throws Exception {
		return this.mvc.perform(
				multipart("/api/v1/indicators/police-uk").file(file).with(httpBasic("officer", SignIn.DEMO_PASSWORD)));
	}

	private static MockMultipartFile file(String name, String content) {
		return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private int loads(String month) {
		return this.jdbc.queryForObject("select count(*) from crime_month where month = cast(? as date)", Integer.class,
				month);
	}

	private long crimes(FinancialYear year, String code) {
		return value(year, code, IndicatorKeys.RECORDED_CRIME);
	}

	private long value(FinancialYear year, String code, String indicator) {
		IndicatorGrid.Cell cell = this.indicators.grid(year)
			.rows()
			.stream()
			.filter(row -> row.partnership().code().equals(code))
			.findFirst()
			.orElseThrow()
			.cell(indicator);
		return (cell != null) ? cell.value().longValueExact() : 0;
	}

	private IndicatorGrid.Cell cell(FinancialYear year, String code) {
		return this.indicators.grid(year)
			.rows()
			.stream()
			.filter(row -> row.partnership().code().equals(code))
			.findFirst()
			.orElseThrow()
			.cell(IndicatorKeys.RECORDED_CRIME);
	}

}
