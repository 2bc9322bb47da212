package uk.opcc.cspgrants.organisations;

import java.util.Locale;

/**
 * How two spellings of one organisation's name are recognised as the same, and the part
 * of an OPCC identifier a name makes. Plain Java: the database computes the same key in
 * {@code organisation_name_key} (V36), and a test holds the two to the same answers.
 */
public final class OrganisationNames {

	/** The longest slug an OPCC identifier takes from a name. */
	static final int SLUG_LENGTH = 50;

	private OrganisationNames() {
	}

	/**
	 * The name as it is compared: lower case; full stops and apostrophes dropped ("C.I.C"
	 * is "cic", "Women's" is "womens"); "&amp;" read as "and"; other punctuation as
	 * spaces; without "(The)", a leading "The", or a closing "Ltd" or "Limited". "Contact
	 * Project (The)" and "The Contact Project" are both "contact project".
	 */
	public static String key(String name) {
		if (name == null) {
			return null;
		}
		String text = name.toLowerCase(Locale.ROOT).replaceAll("[.'’]", "").replace("&", " and ");
		text = text.replaceAll("\\(\\s*the\\s*\\)", " ").replaceAll("[^a-z0-9]+", " ").strip();
		text = text.replaceFirst("^the ", "").replaceFirst(" (ltd|limited)$", "");
		return text.replaceAll("\\s+", " ").strip();
	}

	/**
	 * The name in an identifier: its {@link #key} with hyphens for spaces, at most
	 * {@value #SLUG_LENGTH} characters, ending on a whole word where it can
	 * ("contact-project").
	 */
	public static String slug(String name) {
		String slug = key(name).replace(' ', '-');
		if (slug.length() > SLUG_LENGTH) {
			slug = slug.substring(0, SLUG_LENGTH);
			int lastHyphen = slug.lastIndexOf('-');
			if (lastHyphen > SLUG_LENGTH / 2) {
				slug = slug.substring(0, lastHyphen);
			}
		}
		return slug.isEmpty() ? "organisation" : slug;
	}

}
