package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import's pages: the upload, files refused on the upload field, the check page with
 * the seed's discrepancies and what each line becomes, a confirmation refused with the
 * officer's choices kept; and the export in the seed's layout. The year is 2011-12, set
 * up and taken away by {@link ImportYearRows}.
 */
@IntegrationTest
class SpreadsheetPagesTest {

	private static final String BASE = "/commissioning/2011-12/schedule";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate db;

	@BeforeEach
	void year() {
		ImportYearRows.add(this.db);
	}

	@AfterEach
	void clean() {
		ImportYearRows.remove(this.db);
		ImportYearRows.removeScheduleOrganisation(this.db);
	}

	@Test
	void theUploadPageSaysWhichColumnsTheFileNeeds() throws Exception {
		String page = this.mvc.perform(get(BASE + "/import").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Import the schedule from a spreadsheet", "Apr 11 - Sept 11 (Except where stated)",
				"Oct 11-Mar 12 Indicative (Except where stated)", "Links to police and Crime Plan Theme",
				"type=\"file\"", "Upload and check");
	}

	@Test
	void theSeedsTableIsCheckedBeforeItIsImported() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MvcResult upload = this.mvc
			.perform(multipart(BASE + "/import")
				.file(new MockMultipartFile("file", "exe-0025-13-schedule.csv", "text/csv", SeedSchedule.csv()))
				.session(officer)
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		String location = upload.getResponse().getRedirectedUrl();
		assertThat(location).matches(BASE + "/import/\\d+");
		String page = this.mvc.perform(get(location).session(officer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Check the import", "exe-0025-13-schedule.csv", "By Olu Officer",
				"24 places in the file do not add up", "Total Leicestershire County Council", "£427,145.00",
				"£427,146.00", "-£1.00", "£1,225,686.00", "£1,216,892.00", "£8,794.00", "Import 97 lines",
				"The 14 printed totals that add up", "£3,240,231.00", "(unallocated after the import: £8,792.00)",
				"Oct–Mar £52,880 is taken from the comment (“… Replaces above”)");
		assertThat(page)
			.contains("is part of one theme&#39;s name: linked to “Making our Communities and Neighbourhoods Safer”");
		assertThat(page).contains("name=\"recipients[0]\"", "value=\"Leicester city\"", "name=\"themes[96]\"",
				"name=\"streams[6]\"", "Under the heading “PCC Grant”");
		// the demo's 2013-14 import recorded the seed's recipients, under the names the
		// spreadsheet gives them, but for two an officer renamed: those are new here
		assertThat(page).contains("Already recorded", "New: Police force");
		assertThat(
				this.db.queryForObject("select count(*) from schedule_import where financial_year = 2011", Long.class))
			.isEqualTo(1);
	}

	@Test
	void aFileThatIsNotASpreadsheetIsRefusedOnTheUploadField() throws Exception {
		String page = refusedUpload("minutes.pdf",
				"%PDF-1.7\n\u0000\u00ff binary".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(page).contains("There is a problem", "href=\"#file\"", "id=\"file-error\"",
				"govuk-file-upload--error", "minutes.pdf is not a spreadsheet");
	}

	@Test
	void aFileWithOtherColumnsIsRefusedOnTheUploadField() throws Exception {
		String page = refusedUpload("grants.csv",
				"Partnership,Allocation\nBlaby,100\n".getBytes(StandardCharsets.UTF_8));
		assertThat(page).contains("href=\"#file\"", "grants.csv does not have the schedule&#39;s columns");
	}

	@Test
	void amountsThatAreNotMoneyAreRefusedOnTheUploadField() throws Exception {
		String csv = new String(SeedSchedule.csv(), StandardCharsets.UTF_8).replace("\"92,288\",,\"92,288\"",
				"\"92,288\",,ninety two");
		String page = refusedUpload("typo.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(page)
			.contains("typo.csv: row 6 (Community Safety Fund): “ninety two” under Total is not an amount of money");
		assertThat(
				this.db.queryForObject("select count(*) from schedule_import where financial_year = 2011", Long.class))
			.isZero();
	}

	@Test
	void anUploadWithNoFileIsRefused() throws Exception {
		String page = this.mvc.perform(multipart(BASE + "/import").session(SignIn.as(this.mvc, "officer")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Choose the schedule&#39;s spreadsheet (.xlsx or .csv)");
	}

	@Test
	void aConfirmationWithABlankRecipientIsRefusedOnThatLineWithTheChoicesKept() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		String location = this.mvc
			.perform(multipart(BASE + "/import")
				.file(new MockMultipartFile("file", "seed.csv", "text/csv", SeedSchedule.csv()))
				.session(officer)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String page = this.mvc
			.perform(post(location).session(officer)
				.with(csrf())
				.param("recipients[0]", " ")
				.param("recipients[1]", "Leicester City Council (typed)")
				.param("themes[0]", "")
				.param("streams[0]", "999999"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem", "href=\"#recipient-0\"",
				"Enter the recipient of row 4 (Youth Crime &amp; Substance Misuse Prevention Activities Co C…)",
				"href=\"#theme-0\"", "href=\"#stream-0\"", "Choose the stream that pays for Leicester city",
				"value=\"Leicester City Council (typed)\"", "govuk-input--error");
		assertThat(this.db.queryForObject(
				"select count(*) from schedule_import where financial_year = 2011 and confirmed_at is null",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void anImportThatIsNotThereIsNotFound() throws Exception {
		this.mvc.perform(get(BASE + "/import/999999").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theScheduleIsExportedInTheSeedsLayout() throws Exception {
		ImportYearRows.addSchedule(this.db);
		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		String csv = this.mvc.perform(get(BASE + "/export.csv").session(finance))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).containsExactly("Partner funding 2011-12",
				"Organisation/Initiative,Apr 11 - Sept 11 (Except where stated),"
						+ "Oct 11-Mar 12 Indicative (Except where stated),Total,Comments,Links to police and Crime Plan Theme",
				"Anchor Centre (export test):,,,,,",
				"Street Drinkers Outreach,\"34,000.00\",\"1,500.50\",\"35,500.50\",Full year,Reoffending and Offending",
				"'=Youth Work,,\"2,000.00\",\"2,000.00\",Full year,Reoffending and Offending",
				"Total Anchor Centre (export test),\"34,000.00\",\"3,500.50\",\"37,500.50\",,",
				"TOTAL,\"34,000.00\",\"3,500.50\",\"37,500.50\",,", "Unallocated Funding,,,\"3,211,522.50\",,",
				"GRAND TOTAL,\"34,000.00\",\"3,500.50\",\"3,249,023.00\",,");
		byte[] xlsx = this.mvc.perform(get(BASE + "/export.xlsx").session(finance))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(3).getCell(3).getNumericCellValue()).isEqualTo(35500.50);
			assertThat(workbook.getSheetAt(0).getRow(4).getCell(0).getStringCellValue()).isEqualTo("'=Youth Work");
		}
		assertThat(SheetReader.read("export.xlsx", xlsx).get(2).label()).isEqualTo("=Youth Work");
	}

	@Test
	void aYearWithNoScheduleHasNothingToExport() throws Exception {
		this.mvc.perform(get(BASE + "/export.csv").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isNotFound());
	}

	private String refusedUpload(String name, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart(BASE + "/import").file(new MockMultipartFile("file", name, "text/plain", content))
				.session(SignIn.as(this.mvc, "officer"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
