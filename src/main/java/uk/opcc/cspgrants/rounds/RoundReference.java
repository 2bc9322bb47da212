package uk.opcc.cspgrants.rounds;

import java.util.regex.Pattern;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A round's reference, as it appears in its address and on every application:
 * {@code PCCG-2013-14}. Letters, numbers and hyphens, 2 to 30 of them; "new" is the
 * address of the new-round page.
 */
final class RoundReference {

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,29}");

	private RoundReference() {
	}

	/** The reference without surrounding spaces, or a refusal on {@code reference}. */
	static String check(String typed) {
		String reference = (typed != null) ? typed.strip() : "";
		if (reference.isEmpty()) {
			throw new ValidationException("reference", "Enter the round's reference, for example PCCG-2013-14");
		}
		if (!SHAPE.matcher(reference).matches()) {
			throw new ValidationException("reference", "A reference is 2 to 30 letters, numbers and hyphens, "
					+ "starting with a letter or number, for example PCCG-2013-14");
		}
		if (reference.equalsIgnoreCase("new")) {
			throw new ValidationException("reference", "Choose another reference: new is the address of a page");
		}
		return reference;
	}

}
