package uk.opcc.cspgrants.security;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.opcc.cspgrants.shared.Role;

/**
 * What an administrator says about a user's name, e-mail address, roles, partnership link
 * and manager.
 *
 * @param displayName their name as shown to others
 * @param email where their messages are sent, or {@code null}: without one, messages stay
 * in the application
 * @param roles at least one
 * @param partnershipCode the partnership a CSP manager is linked to
 * @param managerId the account of the person an overdue return of theirs is escalated to,
 * or {@code null}
 * @param organisationId the organisation a recipient contact acts for
 */
public record AccountDetails(
		@NotBlank(message = "Enter the person's name") @Size(max = 120,
				message = "The name must be 120 characters or fewer") String displayName,
		@Size(max = 254, message = "The email address must be 254 characters or fewer") @Pattern(
				regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "Enter an email address in the correct format, like name@example.com") String email,
		@NotEmpty(message = "Choose at least one role") Set<Role> roles, String partnershipCode, Long managerId,
		Long organisationId) {

	/** Without an e-mail address or a manager. */
	public AccountDetails(String displayName, Set<Role> roles, String partnershipCode) {
		this(displayName, null, roles, partnershipCode, null, null);
	}

	/** Anyone but a recipient contact. */
	public AccountDetails(String displayName, String email, Set<Role> roles, String partnershipCode, Long managerId) {
		this(displayName, email, roles, partnershipCode, managerId, null);
	}

	public AccountDetails {
		displayName = (displayName == null) ? null : displayName.strip();
		email = (email == null || email.isBlank()) ? null : email.strip();
		roles = (roles == null) ? Set.of() : Set.copyOf(roles);
		partnershipCode = (partnershipCode == null || partnershipCode.isBlank()) ? null : partnershipCode.strip();
	}

}
