package uk.opcc.cspgrants.rounds.applying;

import java.util.EnumSet;
import java.util.Set;

import uk.opcc.cspgrants.organisations.OrganisationType;

/**
 * The kinds of supporting document an application has, in the words of the upload page,
 * and which of them an organisation of each kind must send: a public body (a local
 * authority, a police force, another public body) sends its safeguarding policy; every
 * other organisation its governing document and latest accounts too.
 */
public enum DocumentKind {

	GOVERNING_DOCUMENT("Governing document",
			"Your constitution, articles of association, trust deed or set of rules, signed and dated"),
	ACCOUNTS("Latest annual accounts",
			"Your most recent accounts, or a recent bank statement if your organisation is less than a year old"),
	SAFEGUARDING_POLICY("Safeguarding policy", "Your policy for keeping children and adults at risk safe"),
	OTHER("Another document", "For example, a letter of support from a partner");

	private static final Set<OrganisationType> PUBLIC_BODIES = EnumSet.of(OrganisationType.LOCAL_AUTHORITY,
			OrganisationType.POLICE_FORCE, OrganisationType.PUBLIC_BODY);

	private final String label;

	private final String hint;

	DocumentKind(String label, String hint) {
		this.label = label;
		this.hint = hint;
	}

	public String label() {
		return this.label;
	}

	public String hint() {
		return this.hint;
	}

	/**
	 * The kinds an organisation of a type must send; before the type is given, all three.
	 */
	public static Set<DocumentKind> requiredFor(OrganisationType type) {
		if (type != null && PUBLIC_BODIES.contains(type)) {
			return EnumSet.of(SAFEGUARDING_POLICY);
		}
		return EnumSet.of(GOVERNING_DOCUMENT, ACCOUNTS, SAFEGUARDING_POLICY);
	}

}
