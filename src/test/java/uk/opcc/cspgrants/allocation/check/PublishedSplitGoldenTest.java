package uk.opcc.cspgrants.allocation.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Decision record EXE0019-24 (seed {@code 002_94d27511f08512d2}) against the demo's
 * 2023-24 indicators: the solver's weights are checked against an independent search, a
 * grid over the simplex at 0.1 percentage points computed here in doubles from the
 * indicator values read straight from SQL (population, police.uk crime counts times the
 * harm weights, any corrections).
 */
@IntegrationTest
class PublishedSplitGoldenTest {

	/** EXE0019-24 as published, by demo code. */
	private static final Map<String, Long> PUBLISHED = new LinkedHashMap<>();

	static {
		PUBLISHED.put("LEI", 4_160_298L);
		PUBLISHED.put("CHA", 1_370_299L);
		PUBLISHED.put("BLA", 806_072L);
		PUBLISHED.put("HAB", 783_907L);
		PUBLISHED.put("NWL", 823_066L);
		PUBLISHED.put("HAR", 573_644L);
		PUBLISHED.put("OAW", 498_262L);
		PUBLISHED.put("MEL", 479_607L);
		PUBLISHED.put("RUT", 295_346L);
	}

	@Autowired
	PublishedSplits splits;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFitIsAtLeastAsGoodAsAnIndependentGridAndTheDifferencesAreWorkedOutFromIt() {
		SavedSplit saved = this.splits.findByName("EXE0019-24: 2023-24 underspend for the nine CSPs").orElseThrow();
		assertThat(saved.total().pence()).as("the table adds up to a penny more than the stated £97,905.00")
			.isEqualTo(9_790_501L);
		assertThat(saved.windowEnd().toString()).isEqualTo("2023-24");
		PublishedSplits.CheckView check = this.splits.check(PublishedSplits.checkOf(saved, null));

		double[][] shares = independentShares();
		double[] target = new double[PUBLISHED.size()];
		int a = 0;
		for (long pence : PUBLISHED.values()) {
			target[a++] = pence / 9_790_501.0;
		}
		double gridBest = Double.MAX_VALUE;
		int[] gridWeights = null;
		for (int i = 0; i <= 1000; i++) {
			for (int j = 0; i + j <= 1000; j++) {
				double[] w = { i / 1000.0, j / 1000.0, (1000 - i - j) / 1000.0 };
				double objective = objective(shares, target, w);
				if (objective < gridBest) {
					gridBest = objective;
					gridWeights = new int[] { i, j, 1000 - i - j };
				}
			}
		}
		List<SplitCheck.Weight> weights = check.result().weights();
		assertThat(weights).extracting(SplitCheck.Weight::indicator)
			.containsExactly("population", "crime_per_1000", "crime_harm_per_1000");
		double[] solver = weights.stream().mapToDouble((weight) -> weight.fittedPercent() / 100).toArray();
		double solverObjective = objective(shares, target, solver);
		assertThat(solverObjective).isLessThanOrEqualTo(gridBest + 1e-12);
		for (int i = 0; i < 3; i++) {
			assertThat(solver[i] * 100).as(weights.get(i).label()).isCloseTo(gridWeights[i] / 10.0, within(0.1));
		}

		// The differences are the published amounts against a formula with the shown
		// weights, worked out here from the same shares (the pence may differ by
		// rounding, so within a penny).
		double[] shown = weights.stream().mapToDouble((weight) -> weight.shownPercent().doubleValue() / 100).toArray();
		assertThat(shown[0] + shown[1] + shown[2]).isCloseTo(1, within(1e-12));
		long largest = 0;
		long sum = 0;
		a = 0;
		for (Comparison.Row row : check.result().fit().rows()) {
			assertThat(row.code()).isIn(PUBLISHED.keySet());
		}
		List<String> codes = new ArrayList<>(PUBLISHED.keySet());
		for (Comparison.Row row : check.result().fit().rows()) {
			int at = codes.indexOf(row.code());
			double expected = 9_790_501.0
					* (shown[0] * shares[0][at] + shown[1] * shares[1][at] + shown[2] * shares[2][at]);
			assertThat((double) row.workedOutPence()).as(row.name()).isCloseTo(expected, within(1.0));
			assertThat(row.publishedPence()).isEqualTo(PUBLISHED.get(row.code()));
			largest = Math.max(largest, Math.abs(row.differencePence()));
			sum += Math.abs(row.differencePence());
		}
		assertThat(check.result().fit().workedOutTotal().pence()).isEqualTo(9_790_501L);
		assertThat(check.result().fit().largestPence()).isEqualTo(largest);
		assertThat(check.result().fit().meanAbsolute().pence()).isEqualTo(Math.round(sum / 9.0));

		// Orderings no weighting can give, worked out here from the same shares.
		List<String> pairs = new ArrayList<>();
		for (int x = 0; x < codes.size(); x++) {
			for (int y = 0; y < codes.size(); y++) {
				if (PUBLISHED.get(codes.get(x)) > PUBLISHED.get(codes.get(y)) && shares[0][x] <= shares[0][y]
						&& shares[1][x] <= shares[1][y] && shares[2][x] <= shares[2][y]) {
					pairs.add(codes.get(x) + ">" + codes.get(y));
				}
			}
		}
		assertThat(check.result().pairs()).extracting((pair) -> pair.aboveCode() + ">" + pair.belowCode())
			.containsExactlyInAnyOrderElementsOf(pairs);

		System.out.printf("EXE0019-24 fit: weights %s (exact %s); objective %.3e, grid best %.3e at %s%n",
				weights.stream().map((w) -> w.indicator() + " " + w.shownPercent()).toList(),
				weights.stream().map((w) -> String.format("%.4f", w.fittedPercent())).toList(), solverObjective,
				gridBest, java.util.Arrays.toString(gridWeights));
		check.result()
			.fit()
			.rows()
			.forEach((row) -> System.out.printf("  %-28s published %12s worked out %12s difference %10s (%s%%)%n",
					row.name(), row.published().format(), row.workedOut().format(), row.difference().format(),
					row.differencePercent()));
		System.out.printf("  largest %s (%s), mean %s; pairs %s%n", check.result().fit().largest().format(),
				check.result().fit().largestName(), check.result().fit().meanAbsolute().format(), pairs);
	}

	@Test
	void moreIndicatorsFitAtLeastAsWellAndTheShownWeightsStillAddUpToAHundred() {
		SavedSplit saved = this.splits.findByName("EXE0019-24: 2023-24 underspend for the nine CSPs").orElseThrow();
		PublishedSplits.CheckRequest three = PublishedSplits.checkOf(saved, null);
		PublishedSplits.CheckRequest five = new PublishedSplits.CheckRequest(three.table(),
				List.of("population", "recorded_crime", "crime_per_1000", "crime_harm", "crime_harm_per_1000"),
				three.windowEnd(), three.windowYears(), null);
		PublishedSplits.CheckView withThree = this.splits.check(three);
		PublishedSplits.CheckView withFive = this.splits.check(five);
		double[] target = new double[9];
		int a = 0;
		for (long pence : PUBLISHED.values()) {
			target[a++] = pence / 9_790_501.0;
		}
		assertThat(residual(withFive, target)).isLessThanOrEqualTo(residual(withThree, target) + 1e-12);
		assertThat(withFive.result()
			.weights()
			.stream()
			.map(SplitCheck.Weight::shownPercent)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
		System.out.printf("EXE0019-24 with five indicators: %s; largest %s (%s), mean %s; pairs %s%n",
				withFive.result().weights().stream().map((w) -> w.indicator() + " " + w.shownPercent()).toList(),
				withFive.result().fit().largest().format(), withFive.result().fit().largestName(),
				withFive.result().fit().meanAbsolute().format(),
				withFive.result().pairs().stream().map((p) -> p.aboveName() + ">" + p.belowName()).toList());
		withFive.result()
			.shares()
			.forEach((code, shares) -> System.out.printf("  shares %s %s%n", code,
					shares.entrySet()
						.stream()
						.map((share) -> share.getKey() + " "
								+ share.getValue().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP) + "%")
						.toList()));
		withFive.result()
			.fit()
			.rows()
			.forEach((row) -> System.out.printf("  %-28s published %12s worked out %12s difference %10s (%s%%)%n",
					row.name(), row.published().format(), row.workedOut().format(), row.difference().format(),
					row.differencePercent()));
	}

	/** The least-squares objective of the exact fitted weights, in shares. */
	private static double residual(PublishedSplits.CheckView view, double[] target) {
		List<String> codes = new ArrayList<>(PUBLISHED.keySet());
		double sum = 0;
		for (String code : codes) {
			double fitted = 0;
			for (SplitCheck.Weight weight : view.result().weights()) {
				fitted += weight.fittedPercent() / 100
						* view.result().shares().get(code).get(weight.indicator()).doubleValue();
			}
			double difference = fitted - target[codes.indexOf(code)];
			sum += difference * difference;
		}
		return sum;
	}

	/**
	 * Shares of population, crime per 1,000 and crime harm per 1,000 for 2023-24, in
	 * doubles, straight from SQL, in the order of {@link #PUBLISHED}.
	 */
	private double[][] independentShares() {
		String sql = """
				select p.code,
				       coalesce((select c.value from indicator_correction c where c.partnership_id = p.id
				                 and c.financial_year = 2023 and c.indicator = 'population'),
				                (select v.value from population v where v.partnership_id = p.id and v.financial_year = 2023)) as population,
				       coalesce((select c.value from indicator_correction c where c.partnership_id = p.id
				                 and c.financial_year = 2023 and c.indicator = 'recorded_crime'),
				                (select sum(k.count) from crime_count k where k.partnership_id = p.id
				                 and k.month between date '2023-04-01' and date '2024-03-31'
				                 and k.crime_type <> 'Anti-social behaviour')) as crime,
				       coalesce((select c.value from indicator_correction c where c.partnership_id = p.id
				                 and c.financial_year = 2023 and c.indicator = 'crime_harm'),
				                (select sum(k.count * coalesce(h.weight, 0)) from crime_count k
				                 left join harm_weight h on h.crime_type = k.crime_type
				                 where k.partnership_id = p.id and k.month between date '2023-04-01' and date '2024-03-31'
				                 and k.crime_type <> 'Anti-social behaviour')) as harm
				from partnership p where p.code = ?""";
		double[][] raw = new double[3][PUBLISHED.size()];
		int a = 0;
		for (String code : PUBLISHED.keySet()) {
			Map<String, Object> row = this.jdbc.queryForMap(sql, code);
			List<Object> values = new ArrayList<>(row.values());
			double population = ((BigDecimal) values.get(1)).doubleValue();
			raw[0][a] = population;
			raw[1][a] = 1000 * ((Number) values.get(2)).doubleValue() / population;
			raw[2][a] = 1000 * ((Number) values.get(3)).doubleValue() / population;
			a++;
		}
		double[][] shares = new double[3][PUBLISHED.size()];
		for (int i = 0; i < 3; i++) {
			double total = 0;
			for (double value : raw[i]) {
				total += value;
			}
			for (int j = 0; j < raw[i].length; j++) {
				shares[i][j] = raw[i][j] / total;
			}
		}
		return shares;
	}

	private static double objective(double[][] shares, double[] target, double[] w) {
		double sum = 0;
		for (int a = 0; a < target.length; a++) {
			double fitted = w[0] * shares[0][a] + w[1] * shares[1][a] + w[2] * shares[2][a];
			sum += (fitted - target[a]) * (fitted - target[a]);
		}
		return sum;
	}

}
