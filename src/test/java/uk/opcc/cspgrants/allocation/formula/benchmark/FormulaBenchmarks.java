package uk.opcc.cspgrants.allocation.formula.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import uk.opcc.cspgrants.allocation.formula.AreaInput;
import uk.opcc.cspgrants.allocation.formula.AreaResult;
import uk.opcc.cspgrants.allocation.formula.Damping;
import uk.opcc.cspgrants.allocation.formula.Floor;
import uk.opcc.cspgrants.allocation.formula.FormulaCalculator;
import uk.opcc.cspgrants.allocation.formula.FormulaRequest;
import uk.opcc.cspgrants.allocation.formula.FormulaResult;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.allocation.formula.IndicatorLine;
import uk.opcc.cspgrants.allocation.formula.Indicators;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * How long formula runs take. Targets: 9 partnerships under 1 ms, 35,000 areas under 100
 * ms, a sweep of 10,000 scenarios over 9 partnerships under 1 s. Not part of the normal
 * build; run with
 *
 * <pre>
 * ./mvnw -Pbenchmark -DskipTests verify
 * ./mvnw -Pbenchmark -DskipTests verify -Djmh.args="-wi 2 -w 1s -i 3 -r 1s -f 1"
 * </pre>
 *
 * (any JMH command-line options may go in {@code jmh.args}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FormulaBenchmarks {

	private static final List<FinancialYear> WINDOW = List.of(new FinancialYear(2022), new FinancialYear(2023),
			new FinancialYear(2024));

	private static final long LEICESTERSHIRE_POT = 9_790_500;

	private final FormulaCalculator calculator = new FormulaCalculator();

	private FormulaRequest nine;

	private FormulaRequest nineLimited;

	private FormulaRequest large;

	private FormulaRequest largeLimited;

	private List<FormulaRequest> scenarios;

	@Setup
	public void setUp() {
		Random random = new Random(42);
		List<AreaInput> nineAreas = areas(9, LEICESTERSHIRE_POT, random);
		this.nine = new FormulaRequest(LEICESTERSHIRE_POT, WINDOW, FormulaSpec.of(weights(40, 30, 30)), nineAreas);
		this.nineLimited = new FormulaRequest(LEICESTERSHIRE_POT, WINDOW, limited(weights(40, 30, 30), 9), nineAreas);
		long largePot = 1_000_000_000L;
		List<AreaInput> largeAreas = areas(35_000, largePot, random);
		this.large = new FormulaRequest(largePot, WINDOW, FormulaSpec.of(weights(40, 30, 30)), largeAreas);
		this.largeLimited = new FormulaRequest(largePot, WINDOW, limited(weights(40, 30, 30), 35_000), largeAreas);
		this.scenarios = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			int population = i % 101;
			int crime = (i / 101) % (101 - population);
			Map<String, BigDecimal> weights = weights(population, crime, 100 - population - crime);
			FormulaSpec spec = (i % 2 == 0) ? FormulaSpec.of(weights) : limited(weights, 9);
			this.scenarios.add(new FormulaRequest(LEICESTERSHIRE_POT + i, WINDOW, spec, nineAreas));
		}
		// Every run must work: a benchmark of refusals would measure nothing useful.
		List.of(this.nine, this.nineLimited, this.large, this.largeLimited).forEach(this.calculator::calculate);
		this.scenarios.forEach(this.calculator::calculate);
	}

	@Benchmark
	public FormulaResult nineAreas() {
		return this.calculator.calculate(this.nine);
	}

	@Benchmark
	public FormulaResult nineAreasWithFloorAndDamping() {
		return this.calculator.calculate(this.nineLimited);
	}

	@Benchmark
	public FormulaResult thirtyFiveThousandAreas() {
		return this.calculator.calculate(this.large);
	}

	@Benchmark
	public FormulaResult thirtyFiveThousandAreasWithFloorAndDamping() {
		return this.calculator.calculate(this.largeLimited);
	}

	/**
	 * As {@link #thirtyFiveThousandAreas()}, then reading every explanation line (which a
	 * run works out only when read).
	 */
	@Benchmark
	public void thirtyFiveThousandAreasReadingEveryLine(Blackhole blackhole) {
		for (AreaResult area : this.calculator.calculate(this.large).areas()) {
			for (IndicatorLine line : area.lines()) {
				blackhole.consume(line);
			}
		}
	}

	/** Half the scenarios plain, half with a floor and damping. */
	@Benchmark
	public long tenThousandScenariosOverNineAreas() {
		long check = 0;
		for (FormulaRequest scenario : this.scenarios) {
			check += this.calculator.calculate(scenario).areas().get(0).finalPence();
		}
		return check;
	}

	/**
	 * Runs the benchmarks; takes JMH command-line options, e.g. a pattern to run only
	 * some of them.
	 */
	public static void main(String[] args) throws Exception {
		CommandLineOptions commandLine = new CommandLineOptions(args);
		OptionsBuilder options = new OptionsBuilder();
		options.parent(commandLine);
		if (commandLine.getIncludes().isEmpty()) {
			options.include(FormulaBenchmarks.class.getName());
		}
		new Runner(options.build()).run();
	}

	/** Population, crime per 1,000 and crime harm. */
	private static Map<String, BigDecimal> weights(int population, int crimeRate, int harm) {
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		weights.put(Indicators.POPULATION, BigDecimal.valueOf(population));
		weights.put(Indicators.CRIME_PER_1000, BigDecimal.valueOf(crimeRate));
		weights.put(Indicators.CRIME_HARM, BigDecimal.valueOf(harm));
		return weights;
	}

	/** A floor of a third of an equal share; at most 5% less and 10% more. */
	private static FormulaSpec limited(Map<String, BigDecimal> weights, int count) {
		BigDecimal floorPercent = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(3L * count), 6, RoundingMode.DOWN);
		return new FormulaSpec(weights, Floor.ofPercentOfPot(floorPercent),
				new Damping(new BigDecimal("5"), BigDecimal.TEN));
	}

	/**
	 * Partnerships with three years of population, recorded crime and crime harm, and a
	 * baseline of 80% to 120% of an equal share of the pot (about 100% on average).
	 */
	private static List<AreaInput> areas(int count, long pot, Random random) {
		List<AreaInput> areas = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long population = 2_000 + random.nextInt(400_000);
			long crime = population * (40 + random.nextInt(80)) / 1000;
			Map<String, Map<FinancialYear, BigDecimal>> values = new LinkedHashMap<>();
			values.put(Indicators.POPULATION, byYear(population, random));
			values.put(Indicators.RECORDED_CRIME, byYear(crime, random));
			values.put(Indicators.CRIME_HARM, byYear(crime * (20 + random.nextInt(60)), random));
			long baseline = pot / count * (80 + (i * 37) % 41) / 100;
			areas.add(new AreaInput("E%08d".formatted(i), "Area " + i, values, baseline));
		}
		return areas;
	}

	private static Map<FinancialYear, BigDecimal> byYear(long around, Random random) {
		Map<FinancialYear, BigDecimal> byYear = new LinkedHashMap<>();
		for (FinancialYear year : WINDOW) {
			byYear.put(year, BigDecimal.valueOf(around + random.nextInt((int) (around / 10) + 1)));
		}
		return byYear;
	}

}
