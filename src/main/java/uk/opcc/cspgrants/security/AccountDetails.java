package uk.opcc.cspgrants.security;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import uk.opcc.cspgrants.shared.Role;

/**
 * What an administrator says about a user's name, roles and partnership link.
 *
 * @param displayName their name as shown to others
 * @param roles at least one
 * @param partnershipCode the partnership a CSP manager is linked to
 */
public record AccountDetails(
		@NotBlank(message = "Enter the person's name") @Size(max = 120,
				message = "The name must be 120 characters or fewer") String displayName,
		@NotEmpty(message = "Choose at least one role") Set<Role> roles, String partnershipCode) {

	public AccountDetails {
		displayName = (displayName == null) ? null : displayName.strip();
		roles = (roles == null) ? Set.of() : Set.copyOf(roles);
		partnershipCode = (partnershipCode == null || partnershipCode.isBlank()) ? null : partnershipCode.strip();
	}

}
