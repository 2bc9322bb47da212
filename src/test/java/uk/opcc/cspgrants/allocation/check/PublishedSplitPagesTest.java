package uk.opcc.cspgrants.allocation.check;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The check pages for officers and the public, and the API: a table is read however it is
 * typed, refused on its field with what was typed kept, saved once by name, and a public
 * check never answers 500.
 */
@IntegrationTest
class PublishedSplitPagesTest {

	private static final String EXE0019_24 = """
			Partnership\tAllocation
			Leicester\t£41,602.98
			Charnwood\t"£13,702.99"
			BLA\t8060.72
			Hinckley and Bosworth £7,839.07
			North West Leicestershire (SNWL) £8,230.66
			Harborough, 5736.44
			Oadby & Wigston £4,982.62
			Melton £4,796.07
			Rutland £2,953.46
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void theDatabaseKeepsAPublishedSplitAsItWasPublished() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.update("update published_split_amount set amount = amount + 1"))
			.hasMessageContaining("A published split is kept as it was published");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.update("update published_split set source = 'Changed'"))
			.hasMessageContaining("A published split is kept as it was published");
		// an amount added to a kept split, or one taken away, or the split removed: all
		// refused
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.update("insert into published_split_amount "
					+ "(split_id, partnership_id, position, amount) select split_id, partnership_id, 99, 1 "
					+ "from published_split_amount limit 1"))
			.hasMessageContaining("A published split is kept as it was published");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.update(
					"delete from published_split_amount where split_id = " + "(select min(id) from published_split)"))
			.hasMessageContaining("A published split is kept as it was published");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc
				.update("delete from published_split where id = " + "(select min(id) from published_split)"))
			.hasMessageContaining("A published split is kept as it was published");
	}

	/**
	 * The public compares only with the formulas of published allocations: a formula the
	 * office has saved but never had approved is not offered, and asking for it by number
	 * is refused on the field.
	 */
	@Test
	void thePublicComparesOnlyWithPublishedFormulas() throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/formulas").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"An office draft never approved\",\"weights\":{\"population\":100},"
						+ "\"windowYears\":1}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String draft = created.replaceAll("(?s).*\"id\":([0-9]+).*", "$1");
		long split = this.jdbc.queryForObject("select min(id) from published_split", Long.class);
		// the kept split's page still shows (200) with the refusal on the formula field
		String page = this.mvc.perform(get("/public/published-splits/" + split).param("formulaVersionId", draft))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Choose the formula of a published allocation from the list")
			.doesNotContain("An office draft never approved");
		String compared = this.mvc.perform(get("/public/published-splits/" + split).param("formulaVersionId", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// both tables, the fit and the published formula, end in a total row: £97,905.01
		// published
		String named = compared.substring(compared.indexOf("id=\"named-comparison\""));
		assertThat(named.substring(0, named.indexOf("</table>"))).contains(">Total<", "£97,905.01");
	}

	@Test
	void anOfficerChecksATablePastedFromASpreadsheet() throws Exception {
		String page = this.mvc
			.perform(post("/allocations/check").session(SignIn.as(this.mvc, "finance"))
				.with(csrf())
				.param("table", EXE0019_24)
				.param("indicators", "population", "crime_per_1000", "crime_harm_per_1000")
				.param("windowEnd", "2023-24")
				.param("windowYears", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The weights that come closest", "£97,905.01", "£41,602.98", "Largest difference",
				"Why public data cannot reproduce a published split exactly");
	}

	@Test
	void aCsvUploadIsReadAsTheTable() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "exe0019-24.csv", "text/csv",
				"Partnership,Amount\nLeicester,\"£41,602.98\"\nRutland,2953.46\n".getBytes());
		String page = this.mvc
			.perform(multipart("/allocations/check").file(file)
				.session(SignIn.as(this.mvc, "officer"))
				.with(csrf())
				.param("indicators", "population")
				.param("windowEnd", "2023-24")
				.param("windowYears", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("£44,556.44", "id=\"differences\"");
	}

	@Test
	void unknownPartnershipsDuplicatesAndBadAmountsAreRefusedOnTheTableWithWhatWasTypedKept() throws Exception {
		String typed = "Leicester £10\nGotham £5\nLeicester £3\nMelton £1.234\nRutland -£4";
		String page = this.mvc
			.perform(post("/allocations/check").session(SignIn.as(this.mvc, "officer"))
				.with(csrf())
				.param("table", typed)
				.param("indicators", "population")
				.param("windowEnd", "2023-24")
				.param("windowYears", "1"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("There is a problem", "href=\"#table\"", "id=\"table-error\"",
					"Line 2: there is no partnership called Gotham", "Line 3: Leicester is on line 1 already",
					"Line 4 (Melton): enter an amount with no more than 2 decimal places",
					"Line 5: the amount for Rutland cannot be negative", "Gotham £5")
			.doesNotContain("id=\"differences\"");
	}

	@Test
	void aNameIsSavedOnceAndASecondSaveIsToldOnTheField() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MvcResult saved = this.mvc
			.perform(post("/allocations/check/save").session(officer)
				.with(csrf())
				.param("table", EXE0019_24)
				.param("indicators", "population", "crime_per_1000")
				.param("windowEnd", "2023-24")
				.param("windowYears", "1")
				.param("name", "Pages test split")
				.param("source", "Decision record EXE0019-24")
				.param("year", "2024-25"))
			.andExpect(status().isFound())
			.andReturn();
		String location = saved.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/allocations/check/");
		assertThat(this.mvc.perform(get(location).session(officer)).andReturn().getResponse().getContentAsString())
			.contains("Pages test split", "Decision record EXE0019-24, 2024-25", "The weights that come closest");
		String again = this.mvc
			.perform(post("/allocations/check/save").session(officer)
				.with(csrf())
				.param("table", EXE0019_24)
				.param("indicators", "population")
				.param("windowEnd", "2023-24")
				.param("windowYears", "1")
				.param("name", " pages TEST split ")
				.param("source", "Elsewhere")
				.param("year", "2024-25"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("href=\"#name\"", "There is a published split called pages TEST split already");
	}

	@Test
	void theDemoSplitIsOpenToThePublicWithoutASession() throws Exception {
		MvcResult list = this.mvc.perform(get("/public/published-splits")).andExpect(status().isOk()).andReturn();
		assertThat(list.getRequest().getSession(false)).isNull();
		String page = list.getResponse().getContentAsString();
		assertThat(page).contains("EXE0019-24: 2023-24 underspend for the nine CSPs");
		String href = page.replaceAll("(?s).*href=\"(/public/published-splits/[0-9]+)\".*", "$1");
		MvcResult saved = this.mvc.perform(get(href)).andExpect(status().isOk()).andReturn();
		assertThat(saved.getRequest().getSession(false)).isNull();
		assertThat(saved.getResponse().getContentAsString()).contains("Decision record EXE0019-24, 2024-25",
				"The weights that come closest", "£8,230.66");
	}

	@Test
	void aPublicCheckOfBadInputIsAMessageOnTheFieldNeverA500() throws Exception {
		String[][] cases = { { "table", "", "table" }, { "table", "Leicester £1\nLeicester £2", "table" },
				{ "windowEnd", "twenty", "windowEnd" }, { "windowEnd", "1850-51", "windowEnd" },
				{ "windowYears", "99", "windowYears" }, { "windowEnd", "2030-31", "windowEnd" },
				{ "formulaVersionId", "x", "formulaVersionId" }, { "formulaVersionId", "999999", "formulaVersionId" },
				{ "table", "Leicester £0\nRutland £0", "table" }, { "indicators", "nonsense", "indicators" } };
		for (String[] refused : cases) {
			var request = get("/public/published-splits").param("check", "1")
				.param("table", "Leicester £41,602.98\nRutland £2,953.46")
				.param("indicators", "population")
				.param("windowEnd", "2023-24")
				.param("windowYears", "1");
			request.param(refused[0], refused[1]);
			MvcResult result = this.mvc.perform(request).andReturn();
			String page = result.getResponse().getContentAsString();
			assertThat(result.getResponse().getStatus()).as(refused[0] + "=" + refused[1]).isEqualTo(400);
			assertThat(page).as(refused[0] + "=" + refused[1])
				.contains("There is a problem", "href=\"#" + refused[2] + "\"", "id=\"" + refused[2] + "-error\"");
		}
		MvcResult noData = this.mvc
			.perform(get("/public/published-splits").param("check", "1")
				.param("table", "Leicester £41,602.98\nRutland £2,953.46")
				.param("indicators", "population")
				.param("windowEnd", "2019-20")
				.param("windowYears", "1"))
			.andReturn();
		assertThat(noData.getResponse().getStatus()).isEqualTo(400);
		assertThat(noData.getResponse().getContentAsString()).contains("has no Population for 2019-20");
		assertThat(this.mvc.perform(get("/public/published-splits/abc")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/public/published-splits/999999")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void theApiAnswersMoneyAsStringsWithTwoDecimals() throws Exception {
		String json = this.mvc
			.perform(post("/api/v1/published-splits/check").with(httpBasic("commissioner", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"amounts": [{"partnership": "Leicester", "amount": 41602.98},
						             {"partnership": "RUT", "amount": "2953.4"}],
						 "indicators": ["population"], "windowEnd": "2023-24", "windowYears": 1}"""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"total\":\"44556.38\"", "\"published\":\"2953.40\"", "\"weightPercent\":100.00",
				"\"indicator\":\"population\"");
		this.mvc.perform(post("/api/v1/published-splits/check").with(httpBasic("commissioner", SignIn.DEMO_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amounts\": [{\"partnership\": \"Gotham\", \"amount\": 1}], \"indicators\": [\"population\"],"
					+ " \"windowEnd\": \"2023-24\", \"windowYears\": 1}"))
			.andExpect(status().isBadRequest());
	}

}
