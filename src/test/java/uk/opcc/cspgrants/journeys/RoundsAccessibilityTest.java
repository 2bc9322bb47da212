package uk.opcc.cspgrants.journeys;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.rounds.RoundCriteria;
import uk.opcc.cspgrants.rounds.RoundDetails;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.rounds.RoundManagement;
import uk.opcc.cspgrants.rounds.RoundOpening;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every grant round page, and a refused round and refused criteria, checked by axe-core
 * at desktop and phone widths (WCAG 2.2 AA, reflow at 320 px), on 1997-98 with one round,
 * drafted then opened (closing in thirty days): its steps' pages, a refused early close,
 * the new closing time to check, and the public pages of rounds.
 */
class RoundsAccessibilityTest extends JourneyTest {

	private static final FinancialYear YEAR = FinancialYear.parse("1997-98");

	@Autowired
	JdbcTemplate database;

	@Autowired
	RoundManagement management;

	@Autowired
	RoundOpening opening;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.database, YEAR);
		CurrentUser officer = Principals.of("officer", this.database);
		this.management.create(YEAR, "PCCG-1997-98",
				new RoundDetails("PCC Grant 1997-98", PurchasingRoute.PCC_GRANT, this.fixture.stream,
						Money.of("100000"), Money.of("1000"), Money.of("10000"), Instant.parse("1997-07-01T08:00:00Z"),
						Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS),
						"What the round is for.\nHow it is judged.", "Constituted groups", 2, new BigDecimal("20"),
						false, List.of(this.fixture.vulnerable)),
				officer);
		this.management.setCriteria("PCCG-1997-98",
				new RoundCriteria(List.of(new Criterion("Evidence of need", "Local data", new BigDecimal("50")),
						new Criterion("Outcomes", "", new BigDecimal("30")),
						new Criterion("Value for money", "", new BigDecimal("20")))),
				0L, officer);
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
	}

	@Test
	void theRoundPagesMeetWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		signIn("officer");
		check("/rounds?year=1997-98", axe, problems);
		check("/rounds?year=1996-97", axe, problems);
		check("/rounds/new?year=1997-98", axe, problems);
		check("/rounds/PCCG-1997-98", axe, problems);
		check("/rounds/PCCG-1997-98/edit", axe, problems);
		check("/rounds/PCCG-1997-98/criteria", axe, problems);
		check("/rounds/PCCG-1997-98/scale", axe, problems);
		open("/rounds/new?year=1997-98");
		type("reference", "not a reference");
		type("maxAward", "12.345");
		press("Draft the round");
		assertThat(page()).contains("There is a problem");
		checkThisPage("a refused round", axe, problems);
		open("/rounds/PCCG-1997-98/criteria");
		type("weight-3", "19.99");
		press("Save the criteria");
		assertThat(page()).contains("The weights add up to 99.99");
		checkThisPage("refused criteria", axe, problems);
		check("/rounds/PCCG-1997-98/open", axe, problems);
		check("/rounds/PCCG-1997-98/cancel", axe, problems);
		this.opening.open("PCCG-1997-98", 1L, Principals.of("officer", this.database));
		check("/rounds/PCCG-1997-98", axe, problems);
		check("/rounds/PCCG-1997-98/close", axe, problems);
		press("Close the round");
		assertThat(page()).contains("Say why PCCG-1997-98 closes before");
		checkThisPage("a round closed early without a reason", axe, problems);
		open("/rounds/PCCG-1997-98/closing-time");
		type("reason", "The guidance was corrected");
		press("Continue");
		assertThat(page()).contains("Check the new closing time before you save it");
		checkThisPage("the new closing time to check", axe, problems);
		check("/public", axe, problems);
		check("/public/rounds", axe, problems);
		check("/public/rounds/PCCG-1997-98", axe, problems);
		assertThat(problems).isEmpty();
	}

}
