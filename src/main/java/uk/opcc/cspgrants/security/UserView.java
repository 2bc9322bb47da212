package uk.opcc.cspgrants.security;

import java.util.Set;

import uk.opcc.cspgrants.shared.Role;

/**
 * A user account as pages and the audit trail see it: never the password hash.
 *
 * @param id internal id
 * @param username what they sign in with
 * @param displayName their name as shown to others
 * @param roles what they may do
 * @param partnershipId the partnership a CSP manager is linked to, else {@code null}
 * @param enabled false once disabled: they can no longer sign in
 * @param version for optimistic locking
 * @param email where their messages are sent, or {@code null}
 * @param managerId the account of their manager, or {@code null}
 * @param organisationId the organisation a recipient contact acts for, else {@code null}
 * @param serviceAccount made for a program: acts only through API tokens, never signs in
 */
public record UserView(long id, String username, String displayName, Set<Role> roles, Long partnershipId,
		boolean enabled, long version, String email, Long managerId, Long organisationId, boolean serviceAccount) {

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** True for someone on the OPCC's staff: no role of someone outside the office. */
	public boolean onTheStaff() {
		return !this.serviceAccount && this.roles.stream().noneMatch(Role::outsideTheOffice);
	}

}
