package uk.opcc.cspgrants.shared.notice;

import java.util.LinkedHashSet;
import java.util.Set;

import uk.opcc.cspgrants.shared.Role;

/**
 * Who a {@link Notice} is for, in the words of the work rather than as a list of
 * addresses: the notifications module finds the people when it writes the message, so a
 * partnership's new CSP manager is told from then on. Disabled accounts are never told.
 *
 * @param users people by username (the drafter of a record, whoever sent it back)
 * @param roles everyone holding one of these roles (finance, the Monitoring Officer)
 * @param cspManagersOf the CSP managers of these partnerships, by partnership code
 * @param officersResponsibleFor the OPCC officer responsible for each of these
 * partnerships (set on the partnership's page); where none is set, every OPCC officer
 * @param managersOfOfficersResponsibleFor the manager recorded on the account of the
 * officer responsible for each of these partnerships; where none is recorded, every
 * administrator, who can record one
 */
public record Audience(Set<String> users, Set<Role> roles, Set<String> cspManagersOf,
		Set<String> officersResponsibleFor, Set<String> managersOfOfficersResponsibleFor) {

	public Audience {
		users = Set.copyOf(users);
		roles = Set.copyOf(roles);
		cspManagersOf = Set.copyOf(cspManagersOf);
		officersResponsibleFor = Set.copyOf(officersResponsibleFor);
		managersOfOfficersResponsibleFor = Set.copyOf(managersOfOfficersResponsibleFor);
	}

	public static Audience users(String... usernames) {
		return new Audience(Set.of(usernames), Set.of(), Set.of(), Set.of(), Set.of());
	}

	public static Audience roles(Role... roles) {
		return new Audience(Set.of(), Set.of(roles), Set.of(), Set.of(), Set.of());
	}

	public static Audience cspManagersOf(String partnershipCode) {
		return new Audience(Set.of(), Set.of(), Set.of(partnershipCode), Set.of(), Set.of());
	}

	public static Audience officerResponsibleFor(String partnershipCode) {
		return new Audience(Set.of(), Set.of(), Set.of(), Set.of(partnershipCode), Set.of());
	}

	public static Audience managerOfOfficerResponsibleFor(String partnershipCode) {
		return new Audience(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(partnershipCode));
	}

	/** Everyone in this audience and everyone in the other. */
	public Audience and(Audience other) {
		return new Audience(union(this.users, other.users), union(this.roles, other.roles),
				union(this.cspManagersOf, other.cspManagersOf),
				union(this.officersResponsibleFor, other.officersResponsibleFor),
				union(this.managersOfOfficersResponsibleFor, other.managersOfOfficersResponsibleFor));
	}

	private static <T> Set<T> union(Set<T> one, Set<T> two) {
		Set<T> both = new LinkedHashSet<>(one);
		both.addAll(two);
		return both;
	}

}
