package uk.opcc.cspgrants.shared.web;

import java.util.EnumSet;
import java.util.Set;

import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

/**
 * One link in the service navigation, shown only to the roles that may use it. Each
 * feature declares its own entries as beans; {@code order} places them left to right.
 *
 * @param order position, lowest first
 * @param label the words on the link
 * @param path where it goes; also the prefix that marks it as the current section
 * @param roles who sees it
 */
public record NavigationEntry(int order, String label, String path, Set<Role> roles) {

	public static NavigationEntry of(int order, String label, String path, Role first, Role... rest) {
		return new NavigationEntry(order, label, path, EnumSet.of(first, rest));
	}

	public boolean visibleTo(CurrentUser user) {
		return this.roles.stream().anyMatch(user::has);
	}

}
