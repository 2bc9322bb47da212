package uk.opcc.cspgrants.decision;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stores the effect of each Supported decision, once. */
interface DecisionEffectRepository extends JpaRepository<DecisionEffect, Long> {

}
