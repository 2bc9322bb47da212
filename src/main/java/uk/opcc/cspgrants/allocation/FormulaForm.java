package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import java.util.regex.Pattern;

import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The formula form and the scenario form (also the public one): weights per indicator,
 * window, floor and damping as typed. Turning it into {@link FormulaDetails} refuses what
 * is not a number.
 */
public class FormulaForm {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

	private static final int MAX_DIGITS = 30;

	private String name;

	private Map<String, String> weights = new LinkedHashMap<>();

	private String windowYears = "1";

	private String floorAmount;

	private String floorPercent;

	private String maxDecreasePercent;

	private String maxIncreasePercent;

	private String pot;

	private String windowEnd;

	static FormulaForm from(FormulaVersionView version) {
		FormulaForm form = new FormulaForm();
		form.name = version.name();
		version.weights().forEach((key, weight) -> form.weights.put(key, weight.stripTrailingZeros().toPlainString()));
		form.windowYears = String.valueOf(version.windowYears());
		form.floorAmount = text(version.floorAmount());
		form.floorPercent = text(version.floorPercent());
		form.maxDecreasePercent = text(version.maxDecreasePercent());
		form.maxIncreasePercent = text(version.maxIncreasePercent());
		return form;
	}

	public static FormulaForm from(RunView run) {
		FormulaForm form = new FormulaForm();
		FormulaSpec spec = run.spec();
		spec.weightsPercent()
			.forEach((key, weight) -> form.weights.put(key, weight.stripTrailingZeros().toPlainString()));
		form.windowYears = String.valueOf(run.window().size());
		form.floorAmount = text(spec.floor().amountPounds());
		form.floorPercent = text(spec.floor().percentOfPot());
		form.maxDecreasePercent = text(spec.damping().maxDecreasePercent());
		form.maxIncreasePercent = text(spec.damping().maxIncreasePercent());
		form.pot = run.pot().amount().toPlainString();
		form.windowEnd = run.window().get(run.window().size() - 1).toString();
		return form;
	}

	public FormulaDetails toDetails() {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, BigDecimal> parsedWeights = new LinkedHashMap<>();
		this.weights.forEach((key, text) -> {
			BigDecimal weight = number(text, "weights", "Each weight must be a number of percent, like 40", errors);
			if (weight != null) {
				parsedWeights.put(key, weight);
			}
		});
		Integer window = null;
		try {
			window = Integer.valueOf(this.windowYears.strip());
		}
		catch (RuntimeException notANumber) {
			errors.put("windowYears", "Enter how many years to average, from 1 to 10");
		}
		BigDecimal floor = number(this.floorAmount, "floorAmount", "Enter the floor in pounds, like 2000", errors);
		BigDecimal floorShare = number(this.floorPercent, "floorPercent", "Enter the floor as a percentage, like 2.5",
				errors);
		BigDecimal fall = number(this.maxDecreasePercent, "maxDecreasePercent",
				"Enter the largest fall as a percentage", errors);
		BigDecimal rise = number(this.maxIncreasePercent, "maxIncreasePercent",
				"Enter the largest rise as a percentage", errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new FormulaDetails(this.name, parsedWeights, window, floor, floorShare, fall, rise);
	}

	/**
	 * The pot typed, or {@code null} to keep the run's.
	 * @throws ValidationException on the pot field when it is not an amount
	 */
	public Money potOrNull() {
		if (this.pot == null || this.pot.isBlank()) {
			return null;
		}
		try {
			return Money.parse(this.pot);
		}
		catch (InvalidMoneyException refused) {
			throw new ValidationException("pot", refused.getMessage());
		}
	}

	/**
	 * The last year of indicator data chosen, or {@code null} to keep the run's.
	 * @throws ValidationException on the windowEnd field when it is not a financial year
	 */
	public FinancialYear windowEndOrNull() {
		if (this.windowEnd == null || this.windowEnd.isBlank()) {
			return null;
		}
		try {
			return FinancialYear.parse(this.windowEnd);
		}
		catch (IllegalArgumentException notAYear) {
			throw new ValidationException("windowEnd", "Choose the last year of indicator data, like 2023-24");
		}
	}

	/**
	 * A plain decimal as typed, with at most {@link #MAX_DIGITS} digits: never an
	 * exponent, whose digits arithmetic would have to spell out ({@code 1e-999999999}).
	 */
	private static BigDecimal number(String text, String field, String message, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String plain = text.strip().replace(",", "").replace("£", "").replace("%", "");
		if (!PLAIN_NUMBER.matcher(plain).matches() || plain.replaceAll("[^0-9]", "").length() > MAX_DIGITS) {
			errors.putIfAbsent(field, message);
			return null;
		}
		return new BigDecimal(plain);
	}

	private static String text(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Map<String, String> getWeights() {
		return this.weights;
	}

	public void setWeights(Map<String, String> weights) {
		this.weights = (weights != null) ? weights : new LinkedHashMap<>();
	}

	public String getWindowYears() {
		return this.windowYears;
	}

	public void setWindowYears(String windowYears) {
		this.windowYears = (windowYears != null) ? windowYears : "";
	}

	public String getFloorAmount() {
		return this.floorAmount;
	}

	public void setFloorAmount(String floorAmount) {
		this.floorAmount = floorAmount;
	}

	public String getFloorPercent() {
		return this.floorPercent;
	}

	public void setFloorPercent(String floorPercent) {
		this.floorPercent = floorPercent;
	}

	public String getMaxDecreasePercent() {
		return this.maxDecreasePercent;
	}

	public void setMaxDecreasePercent(String maxDecreasePercent) {
		this.maxDecreasePercent = maxDecreasePercent;
	}

	public String getMaxIncreasePercent() {
		return this.maxIncreasePercent;
	}

	public void setMaxIncreasePercent(String maxIncreasePercent) {
		this.maxIncreasePercent = maxIncreasePercent;
	}

	public String getPot() {
		return this.pot;
	}

	public void setPot(String pot) {
		this.pot = pot;
	}

	public String getWindowEnd() {
		return this.windowEnd;
	}

	public void setWindowEnd(String windowEnd) {
		this.windowEnd = windowEnd;
	}

}
