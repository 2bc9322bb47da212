package uk.opcc.cspgrants.indicators;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The result of loading a real police.uk file leads with what was loaded and what needs
 * attention; the long list of areas outside every partnership is folded below. A load
 * with no file chosen is refused on the upload field.
 */
@IntegrationTest
class ImportResultPageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theResultLeadsWithTheSummaryAndFoldsTheAreasOutsideEveryPartnership() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		String page = this.mvc.perform(
				multipart("/indicators/import/police-uk")
					.file(new MockMultipartFile("files", "2023-04-leicestershire-street.csv", "text/csv",
							new ClassPathResource("police-uk/2023-04-leicestershire-street.csv")
								.getContentAsByteArray()))
					.session(officer)
					.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Leicestershire Police", "April 2023 (1 force month)", "2023-24",
				"263 records have no location (no LSOA)");
		assertThat(page).containsPattern("records are in \\d+ areas outside every partnership");
		int summary = page.indexOf("What was loaded");
		int attention = page.indexOf("What needs attention");
		int folded = page.indexOf("<details class=\"govuk-details\" id=\"other-areas\"");
		int firstArea = page.indexOf("Records in areas that are no partnership");
		assertThat(summary).isPositive();
		assertThat(attention).isGreaterThan(summary);
		assertThat(page.indexOf("Force months loaded")).isGreaterThan(attention);
		assertThat(folded).isGreaterThan(page.indexOf("Records in the files by partnership"));
		assertThat(firstArea).isGreaterThan(folded);
	}

	@Test
	void aLoadWithNoFileIsRefusedOnTheUploadFieldWithTheYearKept() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		String page = this.mvc
			.perform(multipart("/indicators/import/population").param("year", "2023-24").session(officer).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("There is a problem", "href=\"#population-file\">Choose the ONS population file",
					"id=\"population-file-error\"", "govuk-file-upload--error", "value=\"2023-24\" selected")
			.doesNotContain("govuk-notification-banner__title\" id=\"problem-banner-title\">Important");
	}

}
