package uk.opcc.cspgrants.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in pounds and pence. Always scale 2; never floating point. This is
 * the one place that decides how money is parsed, rounded and shown.
 */
public final class Money implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	/**
	 * No amount that people type or send reaches this, in either direction: money columns
	 * are {@code numeric(15,2)}, so the largest amount they hold is
	 * £9,999,999,999,999.99.
	 */
	public static final BigDecimal LIMIT = new BigDecimal("10000000000000");

	static final String TOO_LARGE = "Enter an amount between -£9,999,999,999,999.99 and £9,999,999,999,999.99";

	static final String ONE_SIGN = "Enter an amount with no more than one minus sign, like -£10.00";

	/**
	 * Digits with optional thousands separators and at most a few decimals (checked
	 * below); the sign is read before.
	 */
	private static final Pattern USER_INPUT = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?|\\.\\d+");

	private final BigDecimal amount;

	private Money(BigDecimal amount) {
		this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/**
	 * An exact amount; refuses anything with fractions of a penny. Any size: sums and
	 * differences of stored amounts may go beyond what one column holds.
	 */
	public static Money of(BigDecimal amount) {
		Objects.requireNonNull(amount, "amount");
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidMoneyException("Enter an amount in pounds and pence, with no more than 2 decimal places");
		}
		return new Money(amount);
	}

	/**
	 * An amount sent in JSON (e.g. {@code "97905.00"}, read by {@code MoneyJson}): like
	 * {@link #of}, and also refused when it is beyond what the database holds
	 * ({@link #LIMIT}).
	 */
	public static Money fromJson(BigDecimal amount) {
		if (amount == null) {
			throw new InvalidMoneyException("Enter an amount");
		}
		return withinLimit(of(amount));
	}

	public static Money of(String plainAmount) {
		return of(new BigDecimal(plainAmount));
	}

	public static Money ofPence(long pence) {
		return new Money(BigDecimal.valueOf(pence, 2));
	}

	/**
	 * Reads what a person typed: {@code £1,234.50}, {@code 1234.5}, {@code -£10}. Refuses
	 * text, more than two decimal places, misplaced thousands separators, more than one
	 * minus sign and amounts beyond what the database holds ({@link #LIMIT}), with a
	 * message a user can act on.
	 */
	public static Money parse(String input) {
		if (input == null || input.isBlank()) {
			throw new InvalidMoneyException("Enter an amount");
		}
		String text = input.strip().replace(" ", "");
		boolean negative = text.startsWith("-");
		if (negative) {
			text = text.substring(1);
		}
		if (text.startsWith("£")) {
			text = text.substring(1);
		}
		if (text.startsWith("-")) {
			if (negative) {
				throw new InvalidMoneyException(ONE_SIGN);
			}
			negative = true;
			text = text.substring(1);
		}
		if (text.startsWith("-")) {
			throw new InvalidMoneyException(ONE_SIGN);
		}
		if (!USER_INPUT.matcher(text).matches()) {
			throw new InvalidMoneyException("Enter an amount in pounds and pence, like £1,234.50");
		}
		BigDecimal value = new BigDecimal(text.replace(",", ""));
		if (value.scale() > 2) {
			throw new InvalidMoneyException("Enter an amount with no more than 2 decimal places");
		}
		return withinLimit(new Money(negative ? value.negate() : value));
	}

	private static Money withinLimit(Money money) {
		if (money.amount.abs().compareTo(LIMIT) >= 0) {
			throw new InvalidMoneyException(TOO_LARGE);
		}
		return money;
	}

	public BigDecimal amount() {
		return this.amount;
	}

	/** The amount in pence, exactly. */
	public long pence() {
		return this.amount.movePointRight(2).longValueExact();
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(other.amount));
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(other.amount));
	}

	public Money negate() {
		return new Money(this.amount.negate());
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	/** {@code £1,234.50}; negative amounts as {@code -£1.00}. */
	public String format() {
		return (isNegative() ? "-£" : "£")
				+ grouped(this.amount.abs().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
	}

	/**
	 * To the pound, as the published quarterly tables show money: {@code £1,235},
	 * {@code -£1}.
	 */
	public String formatWholePounds() {
		BigDecimal pounds = this.amount.setScale(0, RoundingMode.HALF_UP);
		return (pounds.signum() < 0 ? "-£" : "£") + grouped(pounds.abs().toPlainString());
	}

	/**
	 * {@code 1234567.50} as {@code 1,234,567.50}: as the UK number format groups digits,
	 * without making a formatter for every amount on a 300-row page.
	 */
	private static String grouped(String plain) {
		int point = plain.indexOf('.');
		int whole = (point < 0) ? plain.length() : point;
		StringBuilder grouped = new StringBuilder(plain.length() + whole / 3);
		for (int i = 0; i < whole; i++) {
			if (i > 0 && (whole - i) % 3 == 0) {
				grouped.append(',');
			}
			grouped.append(plain.charAt(i));
		}
		return grouped.append(plain, whole, plain.length()).toString();
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(other.amount);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Money money && this.amount.equals(money.amount);
	}

	@Override
	public int hashCode() {
		return this.amount.hashCode();
	}

	/** The plain amount, e.g. {@code 1234.50}, as stored and sent in JSON. */
	@Override
	public String toString() {
		return this.amount.toPlainString();
	}

}
