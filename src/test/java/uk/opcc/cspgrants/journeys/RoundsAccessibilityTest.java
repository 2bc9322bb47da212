package uk.opcc.cspgrants.journeys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.rounds.RoundCriteria;
import uk.opcc.cspgrants.rounds.RoundDetails;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.rounds.RoundManagement;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every grant round page, and a refused round and refused criteria, checked by axe-core
 * at desktop and phone widths (WCAG 2.2 AA, reflow at 320 px), on 1997-98 with one
 * drafted round.
 */
class RoundsAccessibilityTest extends JourneyTest {

	private static final FinancialYear YEAR = FinancialYear.parse("1997-98");

	@Autowired
	JdbcTemplate database;

	@Autowired
	RoundManagement management;

	private RoundFixture fixture;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.database, YEAR);
		CurrentUser officer = Principals.of("officer", this.database);
		this.management.create(YEAR, "PCCG-1997-98",
				new RoundDetails("PCC Grant 1997-98", PurchasingRoute.PCC_GRANT, this.fixture.stream,
						Money.of("100000"), Money.of("1000"), Money.of("10000"), Instant.parse("1997-07-01T08:00:00Z"),
						Instant.parse("1997-07-31T16:00:00Z"), "What the round is for.\nHow it is judged.",
						"Constituted groups", 2, new BigDecimal("20"), false, List.of(this.fixture.vulnerable)),
				officer);
		this.management.setCriteria("PCCG-1997-98",
				new RoundCriteria(List.of(new Criterion("Evidence of need", "Local data", new BigDecimal("50")),
						new Criterion("Outcomes", "", new BigDecimal("30")),
						new Criterion("Value for money", "", new BigDecimal("20")))),
				0L, officer);
	}

	@AfterEach
	void remove() {
		this.fixture.remove();
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
		assertThat(problems).isEmpty();
	}

}
