package uk.opcc.cspgrants.monitoring;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The West Midlands 2016-17 figures entered through the API as an officer would
 * (partnerships, historic allocations and carry forwards, Q1 and Q2 returns submitted and
 * accepted, no Q2 return from Solihull) give Tables 1 and 2 exactly as printed, in JSON,
 * CSV and Excel.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarterlyReportGoldenTest {

	private static final String PASSWORD = "csp-grants-demo";

	private static final String SOLIHULL_COMMENT = "Q2 report has not been received, Q1 figures have therefore been used for Q2";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	void enterTheWestMidlandsFigures() throws Exception {
		for (WestMidlands2016.Partnership p : WestMidlands2016.PARTNERSHIPS) {
			String code = "WM" + p.code();
			call(post("/api/v1/partnerships").content("{\"name\":\"" + p.name() + "\",\"code\":\"" + code
					+ "\",\"leadAuthority\":\"" + p.name() + "\"}"));
			call(put("/api/v1/grants/2016-17/" + code)
				.content("{\"allocation\":" + p.allocation() + ",\"carryForward\":" + p.carryForward()
						+ ",\"note\":\"Strategic Policing and Crime Board, 6 December 2016\"}"));
			enterReturn(code, "Q1", p.planned(), p.q1Spend());
			if (p.q2Spend() != null) {
				enterReturn(code, "Q2", p.planned(), p.q2Spend());
			}
		}
	}

	/**
	 * Partnerships made here have no indicator data: archive them so formula runs
	 * elsewhere leave them out.
	 */
	@AfterAll
	void archiveTheWestMidlandsPartnerships() {
		this.jdbc.update("update partnership set active = false where code like 'WM%'");
	}

	@Test
	void theApiGivesTables1And2AsPrinted() throws Exception {
		this.mvc.perform(get("/api/v1/reports/quarterly/2016-17/Q2").with(httpBasic("commissioner", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows.length()").value(7))
			.andExpect(jsonPath("$.rows[0].localAuthority").value("Birmingham CC"))
			.andExpect(jsonPath("$.rows[0].percentAllocated").value(87))
			.andExpect(jsonPath("$.rows[0].percentSpent").value(27))
			.andExpect(jsonPath("$.rows[4].comment").value(SOLIHULL_COMMENT))
			.andExpect(jsonPath("$.rows[4].planned").value("214454.00"))
			.andExpect(jsonPath("$.rows[4].spendByQuarter[1]").value("133454.00"))
			.andExpect(jsonPath("$.rows[4].percentSpent").value(62))
			.andExpect(jsonPath("$.rows[6].remainder").value("-1.00"))
			.andExpect(jsonPath("$.rows[6].percentAllocated").value(100))
			.andExpect(jsonPath("$.totals.allocation").value("3863308.00"))
			.andExpect(jsonPath("$.totals.carryForward").value("431174.00"))
			.andExpect(jsonPath("$.totals.totalAllocation").value("4294482.00"))
			.andExpect(jsonPath("$.totals.planned").value("3946008.00"))
			.andExpect(jsonPath("$.totals.remainder").value("348474.00"))
			.andExpect(jsonPath("$.totals.spendByQuarter[0]").value("694101.00"))
			.andExpect(jsonPath("$.totals.spendByQuarter[1]").value("1527722.00"));
	}

	@Test
	void theCsvReadsLikeThePublishedTables() throws Exception {
		String csv = this.mvc
			.perform(get("/api/v1/reports/quarterly/2016-17/Q2.csv").with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv)
			.contains("Local Authority,2016/17 Allocation,2015/16 Carry Forward,2016/17 Total Allocation,"
					+ "Planned Allocation as per Q2 Return,Remainder to be Allocated,% Allocated,Comments")
			.contains("Wolverhampton CC,\"£369,371\",\"£168,638\",\"£538,009\",\"£538,010\",-£1,100%,")
			.contains("Solihull MBC,\"£214,454\",£0,\"£214,454\",\"£214,454\",£0,100%,\"" + SOLIHULL_COMMENT + "\"")
			.contains("Total,\"£3,863,308\",\"£431,174\",\"£4,294,482\",\"£3,946,008\",\"£348,474\"")
			.contains("Birmingham CC,\"£1,873,187\",£0,\"£1,873,187\",\"£275,109\",\"£508,449\",27%,")
			.contains("Total,\"£3,863,308\",\"£431,174\",\"£4,294,482\",\"£694,101\",\"£1,527,722\"");
	}

	@Test
	void theWorkbookHasNumbersWithPoundAndPercentFormats() throws Exception {
		byte[] xlsx = this.mvc
			.perform(get("/api/v1/reports/quarterly/2016-17/Q2.xlsx").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet table1 = workbook.getSheet("Table 1");
			Row wolverhampton = table1.getRow(7);
			assertThat(wolverhampton.getCell(0).getStringCellValue()).isEqualTo("Wolverhampton CC");
			assertThat(wolverhampton.getCell(5).getNumericCellValue()).isEqualTo(-1.0);
			assertThat(wolverhampton.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("£#,##0;-£#,##0");
			assertThat(wolverhampton.getCell(6).getNumericCellValue()).isEqualTo(1.0);
			assertThat(wolverhampton.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0%");
			Row total = table1.getRow(8);
			assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(4_294_482.0);
			assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(348_474.0);
			Sheet table2 = workbook.getSheet("Table 2");
			assertThat(table2.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Solihull MBC");
			assertThat(table2.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(133_454.0);
			assertThat(table2.getRow(5).getCell(6).getNumericCellValue()).isEqualTo(0.62);
			assertThat(table2.getRow(5).getCell(7).getStringCellValue()).isEqualTo(SOLIHULL_COMMENT);
			assertThat(table2.getRow(8).getCell(4).getNumericCellValue()).isEqualTo(694_101.0);
			assertThat(table2.getRow(8).getCell(5).getNumericCellValue()).isEqualTo(1_527_722.0);
		}
	}

	@Test
	void paymentsFallDueOnAcceptedReturnsAndAlwaysAddUp() throws Exception {
		String json = this.mvc
			.perform(get("/api/v1/payments").param("year", "2016-17").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Birmingham: Q1 and Q2 accepted, so a quarter of £1,873,187 each is due:
		// £468,296.75 twice
		assertThat(json).contains("{\"quarter\":\"Q1\",\"amount\":\"468296.75\",\"status\":\"DUE\"");
		// Solihull: only Q1 accepted
		assertThat(json).contains("\"code\":\"WMSOL\"");
	}

	private void enterReturn(String code, String quarter, long planned, long spend) throws Exception {
		String path = "/api/v1/returns/2016-17/" + quarter + "/" + code;
		call(put(path).content("{\"plannedAllocation\":" + planned + ",\"cumulativeSpend\":" + spend + "}"));
		call(post(path + "/submit"));
		call(post(path + "/accept"));
	}

	private void call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		this.mvc.perform(request.with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().is2xxSuccessful());
	}

}
