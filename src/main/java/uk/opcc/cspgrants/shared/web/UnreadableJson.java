package uk.opcc.cspgrants.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.InvalidMoneyException;

/**
 * Which field of a JSON body could not be read, and what it should hold, in words for
 * whoever writes the request: {@code "on": "Enter a date like 2025-03-31"}. Nothing of
 * the code is told: only field names the API documents and messages written here (or an
 * amount's own refusal, written for users).
 */
final class UnreadableJson {

	private UnreadableJson() {
	}

	static Map<String, String> fieldErrors(Throwable unreadable) {
		DatabindException mapping = find(unreadable, DatabindException.class);
		if (mapping == null || mapping.getPath().isEmpty()) {
			return Map.of();
		}
		return Map.of(field(mapping), message(mapping));
	}

	/** {@code pot}, {@code baselines.LEI} or {@code topSlices[0].amount}. */
	private static String field(JacksonException mapping) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : mapping.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? "body" : field.toString();
	}

	private static String message(DatabindException mapping) {
		InvalidMoneyException money = find(mapping, InvalidMoneyException.class);
		if (money != null) {
			return money.getMessage();
		}
		Class<?> type = null;
		if (mapping instanceof MismatchedInputException mismatch) {
			type = mismatch.getTargetType();
		}
		else if (mapping instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
			type = instantiation.getType().getRawClass();
		}
		return expected(type);
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "The value is not of the expected type";
		}
		if (type == String.class) {
			return "Enter text, in quotes";
		}
		if (type == FinancialYear.class) {
			return "Enter a financial year like \"2024-25\"";
		}
		if (type == LocalDate.class) {
			return "Enter a date like \"2025-03-31\"";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "Enter true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return "Enter a whole number, not in quotes";
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
				|| type == float.class) {
			return "Enter a number, not in quotes";
		}
		if (type.isEnum()) {
			return "Enter one of " + Arrays.stream(type.getEnumConstants())
				.map(constant -> "\"" + ((Enum<?>) constant).name() + "\"")
				.collect(Collectors.joining(", "));
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "Enter a list, in square brackets";
		}
		if (Map.class.isAssignableFrom(type)) {
			return "Enter names and values, in curly brackets";
		}
		return "The value is not of the expected type";
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
