package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.allocation.formula.Indicators;

/**
 * A formula as the public reads it: each indicator with its unit and weight, and how many
 * years are averaged, never an internal name, version number or "window".
 */
public final class PublicFormulaWords {

	private PublicFormulaWords() {
	}

	/**
	 * "Population (people) 20%, crime per 1,000 population (crimes per 1,000 people) 40%
	 * and crime harm (days of imprisonment) 40%, averaged over 1 year (2023-24)".
	 */
	public static String of(RunView run) {
		return weights(run.spec().weightsPercent()) + ", " + averagedOver(run.window().size()) + " ("
				+ run.windowLabel() + ")";
	}

	/**
	 * The weights alone: "Population (people) 20%, ... and crime harm (days of
	 * imprisonment) 40%".
	 */
	public static String weightsOf(RunView run) {
		return weights(run.spec().weightsPercent());
	}

	/** A saved formula in words: its weights and the years it averages over. */
	public static String of(FormulaVersionView formula) {
		return weights(formula.weights()) + ", " + averagedOver(formula.windowYears());
	}

	/** "averaged over 1 year", "averaged over 3 years". */
	public static String averagedOver(int years) {
		return "averaged over " + years + ((years == 1) ? " year" : " years");
	}

	/** An indicator with its unit: "crime harm (days of imprisonment)". */
	public static String indicator(String key) {
		String label = Indicators.label(key);
		String unit = Indicators.CRIME_HARM.equals(key) ? "days of imprisonment" : Indicators.unit(key);
		return unit.isEmpty() ? label : label + " (" + unit + ")";
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static String weights(Map<String, BigDecimal> weights) {
		List<String> parts = new ArrayList<>();
		weights.forEach((key, weight) -> parts
			.add(lowerFirst(indicator(key)) + " " + weight.stripTrailingZeros().toPlainString() + "%"));
		if (parts.size() < 2) {
			return String.join("", parts);
		}
		String text = String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
