package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.allocation.formula.IndicatorLine;
import uk.opcc.cspgrants.allocation.formula.Limit;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blaby over 2022-23 and 2023-24: 5,000 then 7,000 people (mean 6,000), 90 then 110
 * crimes (mean 100), so 1,000 × 100 ÷ 6,000 = 16.67 crimes per 1,000 people; Charnwood
 * has 83.33, so the rates add up to 100.00 and Blaby's share of crime per 1,000 is
 * 16.67%.
 */
class ExplanationTest {

	private static final FinancialYear Y2022 = FinancialYear.parse("2022-23");

	private static final FinancialYear Y2023 = FinancialYear.parse("2023-24");

	@Test
	void eachInputIsShownAsCountedYearByYearAndTheRateIsWorkedOutFromTheMeans() {
		IndicatorLine crimeRate = new IndicatorLine("crime_per_1000", new BigDecimal("16.666666666666667"),
				new BigDecimal("100.000000000000000"), new BigDecimal("0.16666666666666667"), new BigDecimal("100"),
				new BigDecimal("166.67"));
		RunView.Line blaby = line(1, "BLA", "Blaby", List.of(crimeRate));
		RunView run = run(List.of(blaby, line(2, "CHA", "Charnwood", List.of())));

		Explanation explanation = Explanation.of(run, blaby,
				Map.of("population", Map.of(Y2022, new BigDecimal("5000"), Y2023, new BigDecimal("7000")),
						"recorded_crime", Map.of(Y2022, new BigDecimal("90"), Y2023, new BigDecimal("110"))),
				Map.of("recorded_crime", Map.of(Y2023, "police.uk: Leicestershire Police, Apr 2023 to Mar 2024")));

		assertThat(explanation.counted()).extracting(Explanation.Counted::label)
			.containsExactly("Population", "Recorded crime");
		Explanation.Counted people = explanation.counted().get(0);
		assertThat(people.text(people.byYear().get(Y2022))).isEqualTo("5,000 people");
		assertThat(people.text(people.byYear().get(Y2023))).isEqualTo("7,000 people");
		assertThat(people.text(people.mean())).isEqualTo("6,000 people");
		Explanation.Counted crimes = explanation.counted().get(1);
		assertThat(crimes.text(crimes.mean())).isEqualTo("100 crimes");
		assertThat(crimes.sources()).containsEntry(Y2023, "police.uk: Leicestershire Police, Apr 2023 to Mar 2024");

		Explanation.Row row = explanation.indicators().get(0);
		assertThat(row.value()).isEqualTo("16.67 crimes per 1,000 people");
		assertThat(row.working()).isEqualTo("1,000 × 100 crimes ÷ 6,000 people (means over 2 years)");
		assertThat(row.total())
			.startsWith("100.00: the 2 partnerships' rates added up (not the rate of the whole area)");
	}

	@Test
	void aCountIsAWholeNumberWithItsUnitAndHarmIsInDays() {
		assertThat(Explanation.quantity("population", new BigDecimal("373399.000000"))).isEqualTo("373,399 people");
		assertThat(Explanation.quantity("population", new BigDecimal("6000.5"))).isEqualTo("6,000.50 people");
		assertThat(Explanation.quantity("crime_harm", new BigDecimal("673627.8300"))).isEqualTo("673,627.83 days");
		assertThat(Explanation.quantity("crime_harm_per_1000", new BigDecimal("6465.875")))
			.isEqualTo("6,465.88 days per 1,000 people");
		assertThat(Explanation.quantity("ambulance_callouts", new BigDecimal("12"))).isEqualTo("12.00");
	}

	@Test
	void aCountOverAllPartnershipsSaysSo() {
		IndicatorLine population = new IndicatorLine("population", new BigDecimal("6000"), new BigDecimal("10000"),
				new BigDecimal("0.6"), new BigDecimal("100"), new BigDecimal("600"));
		RunView.Line blaby = line(1, "BLA", "Blaby", List.of(population));
		Explanation explanation = Explanation.of(
				run(List.of(blaby, line(2, "CHA", "Charnwood", List.of()), line(3, "HAR", "Harborough", List.of()))),
				blaby, Map.of("population", Map.of(Y2023, new BigDecimal("6000"))), Map.of());
		assertThat(explanation.indicators().get(0).total()).isEqualTo("10,000 people in all 3 partnerships");
		assertThat(explanation.indicators().get(0).working()).isEqualTo("The mean over 2 years");
	}

	private static RunView.Line line(long id, String code, String name, List<IndicatorLine> indicators) {
		return new RunView.Line(id, code, name, BigDecimal.ONE, BigDecimal.ONE, Limit.NONE, BigDecimal.ONE,
				Money.of("1.00"), false, null, null, null, indicators);
	}

	private static RunView run(List<RunView.Line> lines) {
		return new RunView(7, FinancialYear.parse("2024-25"), RunPurpose.ALLOCATION, Money.of("1000.00"), null,
				"Weights given with the run", List.of(Y2022, Y2023),
				FormulaSpec.of(Map.of("crime_per_1000", new BigDecimal("100"))), "", null, RunStatus.DRAFT,
				Instant.EPOCH, "officer", null, null, null, null, "All active partnerships", lines);
	}

}
