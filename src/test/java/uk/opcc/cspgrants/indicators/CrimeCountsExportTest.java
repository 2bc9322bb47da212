package uk.opcc.cspgrants.indicators;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The compact crime counts export writes area and crime type cells that a spreadsheet
 * would run as formulas with a leading apostrophe, and reads them back as they were.
 */
@IntegrationTest
class CrimeCountsExportTest {

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"Click\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void cellsASpreadsheetWouldRunAreNeutralisedAndReadBack() throws Exception {
		try {
			MockMultipartFile file = new MockMultipartFile("files", "2031-02.csv", "text/csv",
					("Month,Reported by,Area,Crime type,Count\n2031-02,=Force,\"" + HYPERLINK.replace("\"", "\"\"")
							+ "\",Burglary,3\n" + "2031-02,=Force,@SUM(1),+cmd,4\n2031-02,=Force,Leicester,-2+3,5\n")
						.getBytes());
			this.mvc
				.perform(multipart("/api/v1/indicators/police-uk").file(file)
					.with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
				.andExpect(status().isOk());

			String csv = this.mvc.perform(get("/indicators/crime-counts.csv").session(SignIn.as(this.mvc, "officer")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<CSVRecord> february = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new StringReader(csv))
				.getRecords()
				.stream()
				.filter(record -> record.get("Month").equals("2031-02"))
				.toList();
			assertThat(february).extracting(
					record -> record.get("Reported by") + " | " + record.get("Area") + " | " + record.get("Crime type"))
				.containsExactlyInAnyOrder("'=Force | '" + HYPERLINK + " | Burglary", "'=Force | '@SUM(1) | '+cmd",
						"'=Force | Leicester | '-2+3");
			for (CSVRecord record : february) {
				for (String cell : List.of(record.get("Reported by"), record.get("Area"), record.get("Crime type"))) {
					assertThat(cell).doesNotStartWith("=")
						.doesNotStartWith("+")
						.doesNotStartWith("-")
						.doesNotStartWith("@");
				}
			}

			CrimeTally again = PoliceUkFiles.read(List.of(PoliceUkFilesTest.text("again.csv",
					"Month,Reported by,Area,Crime type,Count\n" + february.stream()
						.map(record -> String.join(",",
								List.of(record.get(0), quoted(record.get(1)), quoted(record.get(2)),
										quoted(record.get(3)), record.get(4))))
						.reduce((a, b) -> a + "\n" + b)
						.orElseThrow())));
			assertThat(again.refused()).isEmpty();
			assertThat(again.counts().get(java.time.YearMonth.of(2031, 2)))
				.containsEntry(HYPERLINK, java.util.Map.of("Burglary", 3L))
				.containsEntry("@SUM(1)", java.util.Map.of("+cmd", 4L))
				.containsEntry("Leicester", java.util.Map.of("-2+3", 5L));
		}
		finally {
			this.jdbc.update("delete from crime_month where month = '2031-02-01'");
		}
	}

	private static String quoted(String cell) {
		return "\"" + cell.replace("\"", "\"\"") + "\"";
	}

}
