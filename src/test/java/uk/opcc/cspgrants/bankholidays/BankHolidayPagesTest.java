package uk.opcc.cspgrants.bankholidays;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.shared.calendar.BankHolidays;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's bank holidays page: the division in force (England and Wales, the
 * default), the shipped file; a newer file uploaded, checked (the dates it adds and
 * removes for England and Wales) and confirmed is in force for working days at once and
 * audited; a file that is not a GOV.UK bank holidays file is refused on the upload field
 * (400, never 500). The uploaded files are removed afterwards: the shipped file is in
 * force again for the other tests.
 */
@IntegrationTest
class BankHolidayPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	BankHolidays bankHolidays;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Removes the uploaded files and waits until this node reads the shipped file again
	 * (within {@code csp-grants.data-versions.max-age}).
	 */
	@AfterEach
	void backToTheShippedFile() throws InterruptedException {
		this.jdbc.update("delete from bank_holiday_file");
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while (this.bankHolidays.inForce().id() != 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.bankHolidays.inForce().id()).as("the shipped file in force again").isZero();
	}

	@Test
	void showsTheDivisionTheShippedFileAndTheComingBankHolidays() throws Exception {
		String page = page(get("/admin/bank-holidays"), 200);
		assertThat(page).contains("Bank holidays of", "England and Wales", "The file that comes with CSP Grants",
				"Known up to", "26 December 2028", "Coming bank holidays", "Upload a newer file",
				"https://www.gov.uk/bank-holidays.json");
	}

	@Test
	void aNewerFileIsCheckedThenConfirmedAndCountsAtOnce() throws Exception {
		LocalDate newYear2029 = LocalDate.of(2029, 1, 1);
		assertThat(this.bankHolidays.workingDays().isWorkingDay(newYear2029)).isTrue();
		String newer = shipped().replaceFirst("\"england-and-wales\",\n  \"events\": \\[\n",
				"\"england-and-wales\",\n  \"events\": [\n   {\"title\": \"New Year’s Day\", \"date\": \"2029-01-01\", "
						+ "\"notes\": \"\", \"bunting\": true},\n")
			.replaceFirst("(?s)   \\{\n    \"title\": \"Boxing Day\",\n    \"date\": \"2018-12-26\",[^}]*},\n", "");
		String location = this.mvc
			.perform(multipart("/admin/bank-holidays").file(file("bank-holidays-2029.json", newer))
				.session(admin())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/admin/bank-holidays/check/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		String check = page(get(location), 200);
		assertThat(check).contains("Check the new bank holidays", "bank-holidays-2029.json, uploaded by Ada Admin",
				"the bank holidays of England and Wales", "1 date added", "Monday 1 January 2029", "New Year’s Day",
				"1 date removed", "Wednesday 26 December 2018", "Boxing Day", "Put these bank holidays in force");
		assertThat(this.bankHolidays.workingDays().isWorkingDay(newYear2029)).as("not before it is confirmed").isTrue();

		this.mvc.perform(post(location).session(admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/bank-holidays"));

		assertThat(this.bankHolidays.workingDays().isWorkingDay(newYear2029)).isFalse();
		assertThat(this.bankHolidays.workingDays().isWorkingDay(LocalDate.of(2018, 12, 26))).isTrue();
		assertThat(page(get("/admin/bank-holidays"), 200))
			.contains("bank-holidays-2029.json, put in force by Ada Admin", "1 January 2029");
		assertThat(this.jdbc.queryForObject("select after_json ->> 'added' from audit_event where entity_type = "
				+ "'BankHolidayFile' and action = 'CONFIRM' order by id desc limit 1", String.class))
			.isEqualTo("[\"2029-01-01\"]");
		assertThat(page(get("/admin/audit"), 200))
			.contains("Ada Admin put the bank holidays of " + "bank-holidays-2029.json in force");
		this.mvc.perform(post(location).session(admin()).with(csrf())).andExpect(status().isConflict());
	}

	@Test
	void whatIsNotAGovUkFileIsRefusedOnTheUploadField() throws Exception {
		Integer kept = this.jdbc.queryForObject("select count(*) from bank_holiday_file", Integer.class);
		assertRefused(multipart("/admin/bank-holidays"), "Select a bank holidays file");
		assertRefused(multipart("/admin/bank-holidays").file(file("empty.json", "")), "The selected file is empty");
		assertRefused(multipart("/admin/bank-holidays").file(file("holidays.csv", "date,title\n2024-08-26,Summer")),
				"The selected file must be a bank holidays file in JSON format");
		assertRefused(
				multipart("/admin/bank-holidays")
					.file(file("england.json", shipped().replace("\"northern-ireland\"", "\"wales\""))),
				"The selected file has no bank holidays for Northern Ireland");
		assertThat(this.jdbc.queryForObject("select count(*) from bank_holiday_file", Integer.class)).isEqualTo(kept);
	}

	private void assertRefused(
			org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request, String message)
			throws Exception {
		String page = page(request, 400);
		assertThat(page).contains("There is a problem", "href=\"#file\">" + message, "id=\"file-error\"",
				"govuk-form-group--error", "govuk-file-upload--error", "England and Wales");
	}

	private String page(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
			int status) throws Exception {
		return this.mvc.perform(request.session(admin()).with(csrf()))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpSession admin() throws Exception {
		return SignIn.as(this.mvc, "admin");
	}

	private static MockMultipartFile file(String name, String content) {
		return new MockMultipartFile("file", name, "application/json", content.getBytes(StandardCharsets.UTF_8));
	}

	static String shipped() throws Exception {
		return new ClassPathResource("bank-holidays.json").getContentAsString(StandardCharsets.UTF_8);
	}

}
