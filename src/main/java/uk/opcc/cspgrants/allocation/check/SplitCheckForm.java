package uk.opcc.cspgrants.allocation.check;

import java.util.ArrayList;
import java.util.List;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The check page's form: what was typed, kept as typed so a refused check shows it again.
 */
public class SplitCheckForm {

	/** The indicators of the formula in EXE0019-24's words: population, crime, harm. */
	static final List<String> DEFAULT_INDICATORS = List.of("population", "crime_per_1000", "crime_harm_per_1000");

	private String table;

	private List<String> indicators = new ArrayList<>();

	private String windowEnd;

	private String windowYears = "1";

	private String formulaVersionId;

	private String name;

	private String source;

	private String year;

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public List<String> getIndicators() {
		return this.indicators;
	}

	public void setIndicators(List<String> indicators) {
		this.indicators = (indicators != null) ? indicators : new ArrayList<>();
	}

	public String getWindowEnd() {
		return this.windowEnd;
	}

	public void setWindowEnd(String windowEnd) {
		this.windowEnd = windowEnd;
	}

	public String getWindowYears() {
		return this.windowYears;
	}

	public void setWindowYears(String windowYears) {
		this.windowYears = windowYears;
	}

	public String getFormulaVersionId() {
		return this.formulaVersionId;
	}

	public void setFormulaVersionId(String formulaVersionId) {
		this.formulaVersionId = formulaVersionId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getYear() {
		return this.year;
	}

	public void setYear(String year) {
		this.year = year;
	}

	/** A new form: the indicators EXE0019-24 names, ticked. */
	static SplitCheckForm blank() {
		SplitCheckForm form = new SplitCheckForm();
		form.setIndicators(new ArrayList<>(DEFAULT_INDICATORS));
		return form;
	}

	/** The form of a saved split, to check it again or compare it with a formula. */
	static SplitCheckForm of(SavedSplit split) {
		SplitCheckForm form = new SplitCheckForm();
		form.setTable(split.asTable());
		form.setIndicators(new ArrayList<>(split.indicators()));
		form.setWindowEnd(split.windowEnd().toString());
		form.setWindowYears(String.valueOf(split.windowYears()));
		form.setName(split.name());
		form.setSource(split.source());
		form.setYear(split.year().toString());
		return form;
	}

	/**
	 * What to check.
	 * @throws ValidationException if the number of years or the formula is not a number
	 */
	PublishedSplits.CheckRequest toRequest() {
		Integer years = null;
		if (this.windowYears != null && this.windowYears.strip().matches("[0-9]{1,2}")) {
			years = Integer.valueOf(this.windowYears.strip());
		}
		Long formula = null;
		if (this.formulaVersionId != null && !this.formulaVersionId.isBlank()) {
			if (!this.formulaVersionId.strip().matches("[0-9]{1,18}")) {
				throw new ValidationException("formulaVersionId", "Choose a saved formula from the list");
			}
			formula = Long.valueOf(this.formulaVersionId.strip());
		}
		return new PublishedSplits.CheckRequest(this.table, this.indicators, this.windowEnd, years, formula);
	}

	PublishedSplits.SaveRequest toSaveRequest() {
		return new PublishedSplits.SaveRequest(this.name, this.source, this.year, toRequest());
	}

}
