package uk.opcc.cspgrants.organisations;

import org.springframework.stereotype.Service;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * CONTRACT OF ISSUE 15, being built by the organisations' engineer: every method here is
 * replaced by the real one before the issue lands.
 */
@Service
public class OrganisationManagement {

	/**
	 * The organisation an import names: the one with this exact name (ignoring case and
	 * spaces) if there is one, otherwise a new one of the given type with an OPCC 360G-
	 * identifier, audited as made by the import.
	 */
	public OrganisationView findOrCreateByName(String name, OrganisationType type, CurrentUser user) {
		throw new UnsupportedOperationException("issue 15: being built");
	}

}
