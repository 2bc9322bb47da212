package uk.opcc.cspgrants.indicators;

import java.util.List;

/** The names of the built-in indicators, as stored and as the formula refers to them. */
public final class IndicatorKeys {

	public static final String POPULATION = "population";

	public static final String RECORDED_CRIME = "recorded_crime";

	public static final String CRIME_PER_1000 = "crime_per_1000";

	public static final String CRIME_HARM = "crime_harm";

	public static final String CRIME_HARM_PER_1000 = "crime_harm_per_1000";

	public static final String ANTI_SOCIAL_BEHAVIOUR = "anti_social_behaviour";

	/** Built-in indicators in the order pages show them. */
	public static final List<String> BUILT_IN = List.of(POPULATION, RECORDED_CRIME, CRIME_PER_1000, CRIME_HARM,
			CRIME_HARM_PER_1000, ANTI_SOCIAL_BEHAVIOUR);

	/** Values that are worked out from others and so cannot be corrected by hand. */
	public static final List<String> DERIVED = List.of(CRIME_PER_1000, CRIME_HARM_PER_1000);

	private IndicatorKeys() {
	}

	public static String label(String key) {
		return switch (key) {
			case POPULATION -> "Population";
			case RECORDED_CRIME -> "Recorded crime";
			case CRIME_PER_1000 -> "Crime per 1,000 population";
			case CRIME_HARM -> "Crime harm";
			case CRIME_HARM_PER_1000 -> "Crime harm per 1,000 population";
			case ANTI_SOCIAL_BEHAVIOUR -> "Anti-social behaviour incidents";
			default -> key;
		};
	}

	/**
	 * What a column of values counts, for its heading: people, crimes, harm in days (of
	 * the harm index), or a rate of them; {@code null} for a custom indicator.
	 */
	public static String unit(String key) {
		return switch (key) {
			case POPULATION -> "people";
			case RECORDED_CRIME -> "crimes";
			case CRIME_PER_1000 -> "crimes per 1,000 people";
			case CRIME_HARM -> "days";
			case CRIME_HARM_PER_1000 -> "days per 1,000 people";
			case ANTI_SOCIAL_BEHAVIOUR -> "incidents, not crimes";
			default -> null;
		};
	}

}
