package uk.opcc.cspgrants.security;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import uk.opcc.cspgrants.shared.Role;

/**
 * One of the administrators' sign-in mappings, as the sign-in reads it: whoever's id
 * token carries {@code value} in {@code claim} holds {@code role} (a CSP manager for
 * {@code partnershipId}).
 *
 * @param id the mapping's id
 * @param claim the claim's name, such as {@code groups} or {@code roles}
 * @param value the value it must carry, such as a group's object id
 * @param role the role it gives
 * @param partnershipId the partnership of a CSP manager's mapping, else {@code null}
 */
record MappingRule(long id, String claim, String value, Role role, Long partnershipId) {

	/** A rule not (yet) saved as a mapping: for checking claims. */
	MappingRule(String claim, String value, Role role, Long partnershipId) {
		this(0, claim, value, role, partnershipId);
	}

	/**
	 * Whether the claims carry this mapping's value: the claim is the value itself, or a
	 * list or array holding it. Values are compared exactly (a group's id or an app
	 * role's name is not a word to be read loosely).
	 */
	boolean matches(Map<String, Object> claims) {
		Object carried = claims.get(this.claim);
		if (carried instanceof Collection<?> values) {
			return values.stream().anyMatch(one -> Objects.equals(String.valueOf(one), this.value));
		}
		if (carried instanceof Object[] values) {
			for (Object one : values) {
				if (Objects.equals(String.valueOf(one), this.value)) {
					return true;
				}
			}
			return false;
		}
		return carried != null && this.value.equals(String.valueOf(carried));
	}

}
