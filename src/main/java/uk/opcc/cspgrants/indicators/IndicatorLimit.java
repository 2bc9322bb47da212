package uk.opcc.cspgrants.indicators;

import java.math.BigDecimal;

/**
 * What an indicator value may be, from the column that keeps it: a population is a whole
 * number below 10<sup>14</sup> ({@code numeric(14,0)}), other values have at most 6
 * decimal places below 10<sup>14</sup> ({@code numeric(20,6)}), a harm weight at most 4
 * below 10<sup>8</sup> ({@code numeric(12,4)}); none is negative. PostgreSQL rounds extra
 * decimal places away without a word, so without this check a population corrected to
 * 0.000000001 was stored as 0 and every formula run that used it failed.
 */
enum IndicatorLimit {

	/** Residents, a whole number (imports, and corrections of population). */
	POPULATION("a population", 0, 14),
	/** Crimes or incidents counted, a whole number (corrections of recorded crime). */
	COUNT("a count of crimes or incidents", 0, 14),
	/** Any other indicator value (generic imports and corrections). */
	VALUE("an indicator value", 6, 14),
	/** Days of harm per crime. */
	HARM_WEIGHT("a harm weight", 4, 8);

	private final String noun;

	private final int decimalPlaces;

	private final BigDecimal limit;

	IndicatorLimit(String noun, int decimalPlaces, int wholeDigits) {
		this.noun = noun;
		this.decimalPlaces = decimalPlaces;
		this.limit = BigDecimal.TEN.pow(wholeDigits);
	}

	/** The limit a correction of this indicator meets. */
	static IndicatorLimit ofIndicator(String indicator) {
		return switch (indicator) {
			case IndicatorKeys.POPULATION -> POPULATION;
			case IndicatorKeys.RECORDED_CRIME, IndicatorKeys.ANTI_SOCIAL_BEHAVIOUR -> COUNT;
			default -> VALUE;
		};
	}

	/**
	 * Why the value cannot be kept, quoting it and the limit, e.g.
	 * {@code 0.000000001 has more decimal places than a population can have: enter a whole
	 * number}; {@code null} when it can.
	 */
	String refusal(BigDecimal value) {
		if (value.signum() < 0) {
			return quote(value) + " is less than 0: " + this.noun + " cannot be negative";
		}
		if (value.compareTo(this.limit) >= 0) {
			return quote(value) + " is more than " + this.noun + " can be: enter less than "
					+ String.format("%,d", this.limit.toBigIntegerExact());
		}
		if (value.stripTrailingZeros().scale() > this.decimalPlaces) {
			return quote(value) + " has more decimal places than " + this.noun + " can have: "
					+ ((this.decimalPlaces == 0) ? "enter a whole number"
							: "enter no more than " + this.decimalPlaces + " decimal places");
		}
		return null;
	}

	/** The value as people write numbers, unless that would take more than 40 digits. */
	private static String quote(BigDecimal value) {
		boolean plain = value.precision() - value.scale() <= 40 && value.scale() <= 40;
		return plain ? value.toPlainString() : value.toString();
	}

}
