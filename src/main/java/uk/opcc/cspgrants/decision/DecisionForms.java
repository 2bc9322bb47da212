package uk.opcc.cspgrants.decision;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * What the decision pages read from a submitted form: a choice among an enum's values, a
 * GOV.UK date input, and refusals put in the order of the form's fields so that the error
 * summary lists them as the page shows them.
 */
final class DecisionForms {

	/** The fields of the draft form, in the order the page shows them. */
	static final List<String> DRAFT = List.of("title", "decisionDate", "officersPresent", "summary", "recommendations",
			"formulaRunId", "discussion", "financialImplications", "correctsReference", "form");

	/** The fields of the "consulted" sign-off. */
	static final List<String> CONSULT = List.of("name", "on", "form");

	/** The fields of the publication decision. */
	static final List<String> PUBLICATION = List.of("record", "report", "details", "redacted", "reasons", "on", "form");

	/** The fields of the Commissioner's decision. */
	static final List<String> DECIDE = List.of("decision", "on", "comment", "form");

	private DecisionForms() {
	}

	/** The parts of the date input {@code name} as typed. */
	static DateParts dateParts(Map<String, String> form, String name) {
		return new DateParts(text(form, name + ".day"), text(form, name + ".month"), text(form, name + ".year"));
	}

	/**
	 * The date typed in the date input {@code name}, or {@code null} with the refusal put
	 * in {@code errors}.
	 */
	static LocalDate date(Map<String, String> form, String name, String what, Map<String, String> errors) {
		try {
			return dateParts(form, name).toDate(name, what);
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
			return null;
		}
	}

	/**
	 * The enum value chosen, {@code null} when nothing was chosen; a value that is not
	 * one of the choices is refused on {@code field}.
	 */
	static <E extends Enum<E>> E choice(Class<E> type, String name, String field, String message) {
		if (name == null || name.isBlank()) {
			return null;
		}
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(name)) {
				return value;
			}
		}
		throw new ValidationException(field, message);
	}

	/**
	 * The service's refusals with the form's own (a date that is not a date, a choice
	 * that is not one) taking precedence on their field, in the form's order.
	 */
	static Map<String, String> inOrder(Map<String, String> refused, Map<String, String> read, List<String> order) {
		Map<String, String> all = new LinkedHashMap<>(refused);
		all.putAll(read);
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : order) {
			if (all.containsKey(field)) {
				ordered.put(field, all.remove(field));
			}
		}
		ordered.putAll(all);
		return ordered;
	}

	private static String text(Map<String, String> form, String name) {
		String value = form.get(name);
		return (value == null) ? "" : value;
	}

}
