package uk.opcc.cspgrants.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import uk.opcc.cspgrants.shared.Role;

/**
 * What the sign-in mappings give a person who signed in through the organisation's
 * provider: every role whose mapping their claims match, and a CSP manager's one
 * partnership. Two kinds of match give nothing, and say why, rather than guess: a CSP
 * manager's mapping with any of the OPCC's roles (a CSP manager sees one partnership, the
 * OPCC's roles see all) and CSP manager mappings for two partnerships.
 */
final class ClaimMappings {

	private ClaimMappings() {
	}

	static Granted grant(List<MappingRule> rules, Map<String, Object> claims) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Set<Long> partnerships = new TreeSet<>();
		Set<Long> matched = new TreeSet<>();
		for (MappingRule rule : rules) {
			if (rule.matches(claims)) {
				matched.add(rule.id());
				roles.add(rule.role());
				if (rule.partnershipId() != null) {
					partnerships.add(rule.partnershipId());
				}
			}
		}
		if (roles.contains(Role.CSP_MANAGER) && roles.size() > 1) {
			return Granted.nothing(
					"Your groups give you both a CSP manager's role and an OPCC role, which nobody may hold together.");
		}
		if (partnerships.size() > 1) {
			return Granted.nothing("Your groups make you the CSP manager of more than one partnership.");
		}
		return new Granted(roles, partnerships.isEmpty() ? null : partnerships.iterator().next(), null, matched);
	}

	/**
	 * The roles and partnership given.
	 *
	 * @param roles none when no mapping matches (or the matches conflict)
	 * @param partnershipId a CSP manager's partnership, else {@code null}
	 * @param mappings the ids of the mappings that gave them (none when they conflict)
	 * @param problem why matching mappings gave nothing, else {@code null}
	 */
	record Granted(Set<Role> roles, Long partnershipId, String problem, Set<Long> mappings) {

		Granted {
			roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
			mappings = Set.copyOf(mappings);
		}

		Granted(Set<Role> roles, Long partnershipId, String problem) {
			this(roles, partnershipId, problem, Set.of());
		}

		static Granted nothing(String problem) {
			return new Granted(Set.of(), null, problem);
		}

	}

}
