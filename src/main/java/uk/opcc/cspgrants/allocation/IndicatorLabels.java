package uk.opcc.cspgrants.allocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.allocation.formula.Indicators;

/** The indicators a formula can weigh, by key, with the words pages show for them. */
public final class IndicatorLabels {

	private IndicatorLabels() {
	}

	public static Map<String, String> builtIn() {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : List.of(Indicators.POPULATION, Indicators.RECORDED_CRIME, Indicators.CRIME_PER_1000,
				Indicators.CRIME_HARM, Indicators.CRIME_HARM_PER_1000)) {
			labels.put(key, Indicators.label(key));
		}
		return labels;
	}

}
