package uk.opcc.modularityfixture;

import org.springframework.modulith.Modulithic;

/**
 * A deliberately broken application for {@code ModularityTest}: billing uses ledger's
 * internals.
 */
@Modulithic
public class FixtureApplication {

}
