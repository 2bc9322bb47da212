package uk.opcc.cspgrants.allocation.formula;

import java.util.List;
import java.util.Map;

/**
 * The indicators a formula knows by name. Base indicators are read from the data (one
 * value per partnership per financial year); derived ones are worked out from base
 * indicators. Any other key is a custom indicator, for example a column of a generic CSV
 * file: it is a base indicator whose label is the key itself.
 */
public final class Indicators {

	/** Resident population. */
	public static final String POPULATION = "population";

	/** Police recorded crime: a count of offences. */
	public static final String RECORDED_CRIME = "recorded_crime";

	/** Derived: 1,000 × mean recorded crime ÷ mean population over the window. */
	public static final String CRIME_PER_1000 = "crime_per_1000";

	/** Crime harm: recorded crime weighted by a harm index. */
	public static final String CRIME_HARM = "crime_harm";

	/** Derived: 1,000 × mean crime harm ÷ mean population over the window. */
	public static final String CRIME_HARM_PER_1000 = "crime_harm_per_1000";

	/** For each derived indicator: its numerator, then its denominator (population). */
	private static final Map<String, List<String>> DERIVED_INPUTS = Map.of(CRIME_PER_1000,
			List.of(RECORDED_CRIME, POPULATION), CRIME_HARM_PER_1000, List.of(CRIME_HARM, POPULATION));

	private static final Map<String, String> LABELS = Map.of(POPULATION, "Population", RECORDED_CRIME, "Recorded crime",
			CRIME_PER_1000, "Crime per 1,000 population", CRIME_HARM, "Crime harm", CRIME_HARM_PER_1000,
			"Crime harm per 1,000 population");

	/** What each value counts, after the number: "373,399 people". */
	private static final Map<String, String> UNITS = Map.of(POPULATION, "people", RECORDED_CRIME, "crimes",
			CRIME_PER_1000, "crimes per 1,000 people", CRIME_HARM, "days", CRIME_HARM_PER_1000,
			"days per 1,000 people");

	private Indicators() {
	}

	/**
	 * The unit of an indicator's values: people, crimes, days (crime harm is counted in
	 * days of the harm index: a crime's recommended days in prison), or a rate of them
	 * per 1,000 people; empty for a custom indicator, whose unit its file does not say.
	 */
	public static String unit(String key) {
		return UNITS.getOrDefault(key, "");
	}

	/** Whether values of this indicator are counts of whole things (people, crimes). */
	public static boolean isWholeCount(String key) {
		return POPULATION.equals(key) || RECORDED_CRIME.equals(key);
	}

	/** The well-known indicators, in the order a page lists them. */
	public static List<String> wellKnown() {
		return List.of(POPULATION, RECORDED_CRIME, CRIME_PER_1000, CRIME_HARM, CRIME_HARM_PER_1000);
	}

	/** Whether the indicator is worked out from others rather than read from the data. */
	public static boolean isDerived(String key) {
		return DERIVED_INPUTS.containsKey(key);
	}

	/**
	 * The base indicators the data must hold for this indicator: for a derived one its
	 * numerator and population, otherwise the indicator itself.
	 */
	public static List<String> inputsOf(String key) {
		return DERIVED_INPUTS.getOrDefault(key, List.of(key));
	}

	/** What a person reads: {@code Crime per 1,000 population}; a custom key as it is. */
	public static String label(String key) {
		return LABELS.getOrDefault(key, key);
	}

}
