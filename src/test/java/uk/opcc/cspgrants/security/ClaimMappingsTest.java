package uk.opcc.cspgrants.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimMappingsTest {

	private static final List<MappingRule> RULES = List.of(new MappingRule("groups", "grp-finance", Role.FINANCE, null),
			new MappingRule("groups", "grp-officers", Role.OFFICER, null),
			new MappingRule("roles", "CspGrants.Admin", Role.ADMIN, null),
			new MappingRule("groups", "grp-csp-charnwood", Role.CSP_MANAGER, 3L),
			new MappingRule("groups", "grp-csp-melton", Role.CSP_MANAGER, 5L));

	@Test
	void everyMatchingMappingGivesItsRoleWhetherTheClaimIsAListAnArrayOrOneValue() {
		assertThat(ClaimMappings.grant(RULES,
				Map.of("groups", List.of("grp-finance", "grp-staff", "grp-officers"), "roles",
						new String[] { "CspGrants.Admin" }))
			.roles()).containsExactlyInAnyOrder(Role.FINANCE, Role.OFFICER, Role.ADMIN);
		assertThat(ClaimMappings.grant(RULES, Map.of("roles", "CspGrants.Admin")).roles()).containsExactly(Role.ADMIN);
	}

	@Test
	void valuesAreComparedExactlyAndAnotherClaimsValueGivesNothing() {
		assertThat(ClaimMappings.grant(RULES, Map.of("groups", List.of("GRP-FINANCE", "grp-finance "))).roles())
			.isEmpty();
		// the value of another claim is not the group's
		assertThat(ClaimMappings.grant(RULES, Map.of("roles", List.of("grp-finance"))).roles()).isEmpty();
		assertThat(ClaimMappings.grant(RULES, Map.of()).problem()).isNull();
	}

	@Test
	void aCspManagersMappingGivesTheirOnePartnership() {
		ClaimMappings.Granted granted = ClaimMappings.grant(RULES, Map.of("groups", List.of("grp-csp-melton")));
		assertThat(granted.roles()).isEqualTo(Set.of(Role.CSP_MANAGER));
		assertThat(granted.partnershipId()).isEqualTo(5L);
	}

	@Test
	void conflictingMatchesGiveNothingAndSayWhy() {
		ClaimMappings.Granted both = ClaimMappings.grant(RULES,
				Map.of("groups", List.of("grp-csp-melton", "grp-officers")));
		assertThat(both.roles()).isEmpty();
		assertThat(both.partnershipId()).isNull();
		assertThat(both.problem()).contains("both a CSP manager's role and an OPCC role");
		ClaimMappings.Granted two = ClaimMappings.grant(RULES,
				Map.of("groups", List.of("grp-csp-melton", "grp-csp-charnwood")));
		assertThat(two.roles()).isEmpty();
		assertThat(two.problem()).contains("more than one partnership");
	}

}
