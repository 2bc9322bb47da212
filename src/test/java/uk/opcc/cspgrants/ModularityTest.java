package uk.opcc.cspgrants;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import uk.opcc.modularityfixture.FixtureApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each feature package is a module: others may use the public types at its top level (its
 * facade, views and commands), never its internals, and no two modules depend on each
 * other.
 */
class ModularityTest {

	@Test
	void featuresUseEachOtherOnlyThroughTheirFacades() {
		ApplicationModules modules = ApplicationModules.of(CspGrantsApplication.class);
		modules.verify();
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).contains("partnership",
				"security", "audit", "shared", "demo");
	}

	@Test
	void theCheckFailsWhenAModuleReachesIntoAnothersInternals() {
		assertThatThrownBy(() -> ApplicationModules.of(FixtureApplication.class, everything -> true).verify())
			.isInstanceOf(Violations.class)
			.hasMessageContaining("billing")
			.hasMessageContaining("ledger.internal.LedgerEntry");
	}

}
