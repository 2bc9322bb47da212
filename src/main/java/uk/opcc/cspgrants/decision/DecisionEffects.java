package uk.opcc.cspgrants.decision;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.DatabaseRefusal;

/**
 * What a Supported decision does to money, exactly once: the grants of its formula run.
 * The effect's row is keyed by the decision, so a second attempt is refused by the
 * database; and the grants of a run are made once whatever asks for them.
 */
@Component
class DecisionEffects {

	private final DecisionEffectRepository effects;

	private final GrantManagement grants;

	private final Clock clock;

	DecisionEffects(DecisionEffectRepository effects, GrantManagement grants, Clock clock) {
		this.effects = effects;
		this.grants = grants;
		this.clock = clock;
	}

	/** Applies a Supported decision's effects, in the deciding transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	void apply(long decisionId, Long runId) {
		String summary = (runId != null) ? "Grants from formula run " + runId : "No money decided";
		DatabaseRefusal.orConflict(
				() -> this.effects.saveAndFlush(new DecisionEffect(decisionId, this.clock.instant(), summary)),
				Map.of("decision_effect_pkey", "This decision's money has already been created"));
		if (runId != null && !this.grants.grantsCreatedFrom(runId)) {
			this.grants.createFromRun(runId);
		}
	}

}
