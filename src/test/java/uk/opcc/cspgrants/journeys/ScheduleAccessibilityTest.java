package uk.opcc.cspgrants.journeys;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.AwardLineDraft;
import uk.opcc.cspgrants.commissioning.AwardScheduleManagement;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.LineStatus;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ScheduleFixture;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the award schedule, and a refused line, checked by axe-core at desktop
 * and phone widths (WCAG 2.2 AA, reflow at 320 px), on 2004-05 with a replaced line.
 */
class ScheduleAccessibilityTest extends JourneyTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2004-05");

	@Autowired
	JdbcTemplate database;

	@Autowired
	AwardScheduleManagement management;

	@Autowired
	AwardSchedules schedules;

	private ScheduleFixture fixture;

	private long replaced;

	@BeforeEach
	void schedule() {
		this.fixture = new ScheduleFixture(this.database, YEAR, "1649000", "1305029", "294994");
		CurrentUser officer = Principals.of("officer", this.database);
		ScheduleView opened = this.management.open(YEAR, "Partner funding 2004-05", BigDecimal.ZERO, officer);
		this.replaced = this.management.addLine(YEAR, opened.version(), line("Youth Crime", null), officer).id();
		this.management.addLine(YEAR, this.schedules.schedule(YEAR).orElseThrow().version(),
				line("Drug Intervention Programme (DIP)", this.replaced), officer);
	}

	@AfterEach
	void remove() {
		this.fixture.remove();
	}

	@Test
	void theSchedulePagesMeetWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		signIn("officer");
		check("/commissioning", axe, problems);
		check("/commissioning/2004-05", axe, problems);
		check("/commissioning/2004-05/schedule", axe, problems);
		check("/commissioning/2004-05/schedule/lines/new", axe, problems);
		check("/commissioning/2004-05/schedule/lines/" + this.replaced + "/edit", axe, problems);
		check("/commissioning/2004-05/schedule/lines/" + this.replaced + "/remove", axe, problems);
		check("/commissioning/2004-05/schedule/tolerance", axe, problems);
		check("/commissioning/2005-06/schedule/new", axe, problems);
		open("/commissioning/2004-05/schedule/lines/new");
		type("initiative", "");
		type("firstHalf", "12.345");
		press("Add the line");
		assertThat(page()).contains("There is a problem");
		checkThisPage("a refused line", axe, problems);
		assertThat(problems).isEmpty();
	}

	private AwardLineDraft line(String initiative, Long replaces) {
		return new AwardLineDraft(null, this.fixture.city, null, initiative, LineStatus.COMMITTED,
				this.fixture.grantStream, this.fixture.reoffending, PurchasingRoute.DIRECT, null, null, null, false,
				"Allocation is for 6 months Apr-Sept.", replaces, null,
				List.of(new AwardLineDraft.PeriodDraft(YEAR.startDate(),
						YEAR.startDate().withMonth(9).withDayOfMonth(30), Money.of("52880.00"))));
	}

}
