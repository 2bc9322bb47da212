package uk.opcc.cspgrants.allocation.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.FormulaManagement;
import uk.opcc.cspgrants.allocation.FormulaVersionView;
import uk.opcc.cspgrants.allocation.formula.AreaInput;
import uk.opcc.cspgrants.allocation.formula.FormulaCalculator;
import uk.opcc.cspgrants.allocation.formula.FormulaException;
import uk.opcc.cspgrants.allocation.formula.Indicators;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.indicators.CrimeCoverage;
import uk.opcc.cspgrants.indicators.IndicatorManagement;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Published splits: checking a published allocation table against indicator data, and
 * keeping published tables with their reconstruction. Every refusal is a
 * {@link ValidationException} on the field to change (or a conflict on the name).
 */
@Service
public class PublishedSplits {

	/** The most years of indicator data a check averages. */
	public static final int MAX_WINDOW_YEARS = 5;

	private final SplitCheck check = new SplitCheck(new FormulaCalculator());

	private final PublishedSplitStore store;

	private final PartnershipManagement partnerships;

	private final IndicatorManagement indicators;

	private final FormulaManagement formulas;

	private final AuditTrail audit;

	PublishedSplits(PublishedSplitStore store, PartnershipManagement partnerships, IndicatorManagement indicators,
			FormulaManagement formulas, AuditTrail audit) {
		this.store = store;
		this.partnerships = partnerships;
		this.indicators = indicators;
		this.formulas = formulas;
		this.audit = audit;
	}

	/**
	 * What to check.
	 *
	 * @param table the published table as typed (see {@link PublishedTable})
	 * @param indicators the indicator keys to consider
	 * @param windowEnd the last financial year of indicator data, e.g. {@code 2023-24}
	 * @param windowYears how many years to average, 1 to {@link #MAX_WINDOW_YEARS}
	 * @param formulaVersionId a saved formula version to compare with too, or
	 * {@code null}
	 */
	public record CheckRequest(String table, List<String> indicators, String windowEnd, Integer windowYears,
			Long formulaVersionId) {

	}

	/**
	 * A published split to keep.
	 *
	 * @param name a name no other split has
	 * @param source where it was published
	 * @param year the financial year the money is for, e.g. {@code 2024-25}
	 * @param check the table, indicators and window it is checked against
	 */
	public record SaveRequest(String name, String source, String year, CheckRequest check) {

	}

	/**
	 * The answer.
	 *
	 * @param entries the published table as read
	 * @param window the years averaged, earliest first
	 * @param result the fit, differences and orderings no weighting gives
	 * @param named the comparison with a saved formula version, or {@code null}
	 * @param namedFormula that version, or {@code null}
	 */
	public record CheckView(List<PublishedTable.Entry> entries, List<FinancialYear> window, SplitCheck.Result result,
			Comparison named, FormulaVersionView namedFormula) {

		public String windowLabel() {
			return (this.window.size() == 1) ? this.window.get(0).toString()
					: this.window.get(0) + " to " + this.window.get(this.window.size() - 1);
		}

	}

	/** The indicators a check can consider, by key, with their labels. */
	public static Map<String, String> indicatorChoices() {
		Map<String, String> choices = new LinkedHashMap<>();
		Indicators.wellKnown().forEach((key) -> choices.put(key, Indicators.label(key)));
		return choices;
	}

	/** Checks a table against the current indicator data. Nothing is saved. */
	@Transactional(readOnly = true)
	public CheckView check(CheckRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<PublishedTable.Entry> entries = entries(request.table(), errors);
		List<String> keys = indicatorKeys(request.indicators(), errors);
		List<FinancialYear> window = window(request.windowEnd(), request.windowYears(), errors);
		FormulaVersionView named = namedFormula(request.formulaVersionId(), errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		List<String> used = new ArrayList<>(keys);
		if (named != null) {
			named.spec().weightedIndicators().forEach((key) -> {
				if (!used.contains(key)) {
					used.add(key);
				}
			});
		}
		checkCrimeCoverage(used, window, entries.stream().map(PublishedTable.Entry::code).toList());
		SplitCheck.Input input = input(entries, keys, used, window);
		try {
			SplitCheck.Result result = this.check.check(input);
			Comparison comparison = null;
			if (named != null) {
				try {
					comparison = this.check.compare(input, named.spec());
				}
				catch (FormulaException refused) {
					throw new ValidationException("formulaVersionId", refused.getMessage());
				}
			}
			return new CheckView(entries, window, result, comparison, named);
		}
		catch (FormulaException refused) {
			throw new ValidationException(field(refused), refused.getMessage());
		}
		catch (ArithmeticException | IllegalStateException | IllegalArgumentException cannot) {
			// data the fit cannot use (every share zero, say): a message, on every page
			// and the API
			throw new ValidationException("table", "This table cannot be checked against the published data: "
					+ "check the partnerships and amounts, the indicators and the years");
		}
	}

	/**
	 * Keeps a published split; its table, indicators and window must be readable (its
	 * indicator data need not be loaded yet).
	 * @throws uk.opcc.cspgrants.shared.ConflictException if the name is taken
	 */
	@Transactional
	public SavedSplit save(SaveRequest request, String savedBy) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(request.name(), "name", "Enter a name for the published split", 160, errors);
		String source = text(request.source(), "source",
				"Enter where it was published, like Decision record EXE0019-24", 300, errors);
		FinancialYear year = year(request.year(), "year", "Enter the financial year the money is for, like 2024-25",
				errors);
		CheckRequest check = request.check();
		List<PublishedTable.Entry> entries = entries(check.table(), errors);
		List<String> keys = indicatorKeys(check.indicators(), errors);
		List<FinancialYear> window = window(check.windowEnd(), check.windowYears(), errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		long id = this.store.insert(name, source, year, window.get(window.size() - 1), window.size(), keys, entries,
				savedBy);
		SavedSplit saved = get(id);
		this.audit.record("CREATE", "PublishedSplit", id, null,
				Map.of("name", name, "source", source, "year", year.toString(), "total", saved.total().amount()));
		return saved;
	}

	@Transactional(readOnly = true)
	public List<SavedSplit> list() {
		return this.store.list();
	}

	@Transactional(readOnly = true)
	public SavedSplit get(long id) {
		return this.store.find(id)
			.orElseThrow(() -> new NotFoundException("There is no published split with the id " + id));
	}

	@Transactional(readOnly = true)
	public Optional<SavedSplit> findByName(String name) {
		return this.store.idOfName(name).flatMap(this.store::find);
	}

	/**
	 * The request that checks a saved split as it was saved, with a formula to compare.
	 */
	public static CheckRequest checkOf(SavedSplit split, Long formulaVersionId) {
		return new CheckRequest(split.asTable(), split.indicators(), split.windowEnd().toString(), split.windowYears(),
				formulaVersionId);
	}

	private List<PublishedTable.Entry> entries(String table, Map<String, String> errors) {
		List<PartnershipView> all = this.partnerships.all();
		try {
			return PublishedTable.parse(table, (name) -> all.stream()
				.filter((partnership) -> partnership.isCalled(name) || partnership.code().equalsIgnoreCase(name))
				.findFirst()
				.map((partnership) -> new PublishedTable.Known(partnership.code(), partnership.name())));
		}
		catch (PublishedTable.TableException refused) {
			errors.put("table", refused.getMessage());
			return List.of();
		}
	}

	private static List<String> indicatorKeys(List<String> chosen, Map<String, String> errors) {
		if (chosen == null || chosen.isEmpty()) {
			errors.put("indicators", "Choose at least one indicator");
			return List.of();
		}
		List<String> keys = new ArrayList<>();
		for (String key : Indicators.wellKnown()) {
			if (chosen.contains(key)) {
				keys.add(key);
			}
		}
		if (keys.size() != chosen.stream().distinct().count()) {
			errors.put("indicators", "Choose from the indicators listed");
		}
		return keys;
	}

	private static List<FinancialYear> window(String windowEnd, Integer windowYears, Map<String, String> errors) {
		FinancialYear end = year(windowEnd, "windowEnd",
				"Enter the last financial year of indicator data, like 2023-24", errors);
		if (windowYears == null || windowYears < 1 || windowYears > MAX_WINDOW_YEARS) {
			errors.put("windowYears", "Choose between 1 and " + MAX_WINDOW_YEARS + " years");
			return List.of();
		}
		if (end == null) {
			return List.of();
		}
		List<FinancialYear> window = new ArrayList<>();
		for (FinancialYear year = end; window.size() < windowYears; year = year.previous()) {
			window.add(0, year);
		}
		return window;
	}

	private FormulaVersionView namedFormula(Long id, Map<String, String> errors) {
		if (id == null) {
			return null;
		}
		try {
			return this.formulas.version(id);
		}
		catch (NotFoundException missing) {
			errors.put("formulaVersionId", "Choose a saved formula from the list");
			return null;
		}
	}

	private void checkCrimeCoverage(List<String> keys, List<FinancialYear> window, List<String> codes) {
		boolean usesCrime = keys.stream()
			.flatMap((key) -> Indicators.inputsOf(key).stream())
			.anyMatch((key) -> key.equals(Indicators.RECORDED_CRIME) || key.equals(Indicators.CRIME_HARM));
		if (!usesCrime) {
			return;
		}
		for (FinancialYear year : window) {
			CrimeCoverage coverage = this.indicators.crimeCoverage(year).of(codes);
			if (!coverage.complete()) {
				throw new ValidationException("windowEnd", coverage.problem() + "; choose another window");
			}
		}
	}

	private SplitCheck.Input input(List<PublishedTable.Entry> entries, List<String> keys, List<String> used,
			List<FinancialYear> window) {
		Map<String, Map<String, Map<FinancialYear, BigDecimal>>> values = this.indicators.valuesFor(window);
		List<String> needed = used.stream().flatMap((key) -> Indicators.inputsOf(key).stream()).distinct().toList();
		List<AreaInput> areas = new ArrayList<>();
		Map<String, Long> published = new LinkedHashMap<>();
		for (PublishedTable.Entry entry : entries) {
			Map<String, Map<FinancialYear, BigDecimal>> own = values.getOrDefault(entry.code(), Map.of());
			Map<String, Map<FinancialYear, BigDecimal>> data = new LinkedHashMap<>();
			needed.forEach((key) -> {
				if (own.containsKey(key)) {
					data.put(key, own.get(key));
				}
			});
			areas.add(new AreaInput(entry.code(), entry.name(), data, null));
			published.put(entry.code(), entry.amount().pence());
		}
		return new SplitCheck.Input(areas, published, keys, window);
	}

	private static String field(FormulaException refused) {
		if (refused.input() == FormulaException.Input.WINDOW) {
			return "windowEnd";
		}
		if (refused.input() == FormulaException.Input.INDICATORS) {
			return "indicators";
		}
		return "table";
	}

	private static String text(String value, String field, String message, int max, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, message);
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			errors.put(field, "Enter no more than " + max + " characters");
		}
		return stripped;
	}

	private static FinancialYear year(String text, String field, String message, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			errors.put(field, message);
			return null;
		}
		try {
			FinancialYear year = FinancialYear.parse(text.strip());
			if (year.startYear() < 1990 || year.startYear() > 2200) {
				errors.put(field, message);
				return null;
			}
			return year;
		}
		catch (RuntimeException notAYear) {
			errors.put(field, message);
			return null;
		}
	}

}
