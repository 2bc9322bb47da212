package uk.opcc.cspgrants.publication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every public page leads back to the public start page, speaks of allocations as the
 * public does (no run or version numbers, no "window", harm with its unit), and "How the
 * formula works" links to pages that exist.
 */
@IntegrationTest
class PublicPagesTest {

	private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void everyPublicPageLinksBackToTheStartPageInWordsPeopleUse() throws Exception {
		String decisions = page("/public/decisions");
		Matcher record = Pattern.compile("href=\"(/public/decisions/[A-Z0-9-]+)\"").matcher(decisions);
		assertThat(record.find()).isTrue();
		String saved = firstLink(page("/public/published-splits"), "/public/published-splits/\\d+");
		for (String address : List.of("/how-the-formula-works", "/public/decisions", record.group(1),
				"/public/allocations/2024-25", "/public/allocations/2024-25/LEI",
				"/public/allocations/2024-25/scenario",
				"/public/allocations/2024-25/scenario?compare=1&pot=97905.00&windowEnd=2023-24&windowYears=1"
						+ "&weights%5Bpopulation%5D=50&weights%5Bcrime_per_1000%5D=50",
				"/public/published-splits", saved)) {
			String page = page(address);
			assertThat(page).as(address)
				.contains("<a class=\"govuk-breadcrumbs__link\" href=\"/\">CSP Grants public information</a>");
			assertThat(page).as(address)
				.doesNotContainPattern("(?i)\\brun \\d")
				.doesNotContainPattern("(?i)version \\d")
				.doesNotContainPattern("(?i)-year window");
		}
		// other tests in the same database may publish a redistribution for 2024-25 too:
		// the
		// page then shows that, the latest published, named by its purpose
		assertThat(page("/public/allocations/2024-25"))
			.contains("rime harm (days of imprisonment) 40%", "averaged over 1 year (2023-24)")
			.containsPattern("(Annual allocation|Underspend redistribution), approved on \\d{1,2} [A-Z][a-z]+ \\d{4}");
		assertThat(page("/public/allocations/2024-25/LEI")).contains("Allocations 2024-25")
			.containsPattern(
					"(Annual allocation|Underspend redistribution) 2024-25, approved on \\d{1,2} [A-Z][a-z]+ \\d{4}");
	}

	@Test
	void howTheFormulaWorksLinksToPagesThatExist() throws Exception {
		String page = page("/how-the-formula-works");
		assertThat(page).contains("href=\"/public/allocations/2024-25\"",
				"href=\"/public/allocations/2024-25/scenario\"", "href=\"/public/published-splits\"",
				"href=\"/public/decisions\"", "The allocations for 2024-25");
		assertThat(page).containsPattern("href=\"/public/allocations/2024-25/[A-Z]+\">how [^<]+ gets £");
		Set<String> links = new LinkedHashSet<>();
		Matcher link = LINK.matcher(page);
		while (link.find()) {
			String href = link.group(1);
			if (href.startsWith("/public/") || href.startsWith("/how-")) {
				links.add(href);
			}
		}
		assertThat(links).hasSizeGreaterThanOrEqualTo(5);
		for (String href : links) {
			this.mvc.perform(get(href)).andExpect(status().isOk());
		}
	}

	private String page(String address) throws Exception {
		return this.mvc.perform(get(address)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String firstLink(String page, String pattern) {
		Matcher matcher = Pattern.compile("href=\"(" + pattern + ")\"").matcher(page);
		assertThat(matcher.find()).as(pattern).isTrue();
		return matcher.group(1);
	}

}
