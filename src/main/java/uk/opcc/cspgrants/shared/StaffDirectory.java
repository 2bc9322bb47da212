package uk.opcc.cspgrants.shared;

import java.util.List;
import java.util.Optional;

/**
 * The OPCC's people as other modules need them without depending on the accounts
 * themselves: the partnership pages choose the officer responsible from it. Implemented
 * by the security module, which keeps the accounts.
 */
public interface StaffDirectory {

	/** Enabled accounts holding this role, by name. */
	List<StaffMember> enabledWith(Role role);

	/** One account, enabled or not, if it exists. */
	Optional<StaffMember> find(long id);

	/**
	 * A person on the OPCC's staff.
	 *
	 * @param id the account's id
	 * @param name their name as others see it
	 * @param enabled false once their account is disabled
	 * @param roles what they do
	 */
	record StaffMember(long id, String name, boolean enabled, java.util.Set<Role> roles) {

		public StaffMember {
			roles = java.util.Set.copyOf(roles);
		}

		public boolean has(Role role) {
			return this.roles.contains(role);
		}

	}

}
