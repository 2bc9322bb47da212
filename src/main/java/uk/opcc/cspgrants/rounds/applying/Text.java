package uk.opcc.cspgrants.rounds.applying;

import java.util.Map;
import java.util.function.Supplier;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * What the task forms do to typed text: stripped, required, and no longer than allowed.
 */
final class Text {

	private Text() {
	}

	/** The text stripped, or a message on {@code field} when blank or too long. */
	static String required(String typed, String field, String whenBlank, int longest, Map<String, String> errors) {
		String text = (typed != null) ? typed.strip() : "";
		if (text.isEmpty()) {
			errors.put(field, whenBlank);
			return null;
		}
		if (text.length() > longest) {
			errors.put(field, "This must be " + String.format("%,d", longest) + " characters or fewer (it is "
					+ String.format("%,d", text.length()) + ")");
			return null;
		}
		return text;
	}

	/** The text stripped, {@code null} when blank, or a message when too long. */
	static String optional(String typed, String field, int longest, Map<String, String> errors) {
		String text = (typed != null) ? typed.strip() : "";
		if (text.isEmpty()) {
			return null;
		}
		return required(text, field, "", longest, errors);
	}

	/**
	 * What {@code parse} makes, or its refusals added to {@code errors} and {@code null}.
	 */
	static <T> T field(Supplier<T> parse, Map<String, String> errors) {
		try {
			return parse.get();
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
			return null;
		}
	}

}
