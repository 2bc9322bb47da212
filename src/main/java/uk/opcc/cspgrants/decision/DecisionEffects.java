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

	/** The effect's summary when the decision created its run's grants. */
	static final String CREATED = "Grants from formula run ";

	/** The effect's summary when its run's grants were already there. */
	static final String EXISTED = "Grants already created from formula run ";

	static final String NOTHING = "No money decided";

	/** The effect's summary when what is attached makes the money. */
	static final String ATTACHED = "Grants to organisations from ";

	private final DecisionEffectRepository effects;

	private final GrantManagement grants;

	private final Clock clock;

	DecisionEffects(DecisionEffectRepository effects, GrantManagement grants, Clock clock) {
		this.effects = effects;
		this.grants = grants;
		this.clock = clock;
	}

	/** Whether this decision created its run's grants (rather than finding them made). */
	@Transactional(readOnly = true)
	boolean createdGrants(long decisionId) {
		return this.effects.findById(decisionId).map(effect -> effect.summary().startsWith(CREATED)).orElse(false);
	}

	/** Applies a Supported decision's effects, in the deciding transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	void apply(long decisionId, Long runId) {
		apply(decisionId, runId, null);
	}

	/**
	 * As {@link #apply(long, Long)}, for a record with something else attached whose
	 * module makes its money when told the record is decided ({@link DecisionDecided}):
	 * the effect says what, e.g. "the award schedule 2013-14".
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void apply(long decisionId, Long runId, String attached) {
		boolean existed = runId != null && this.grants.grantsCreatedFrom(runId);
		String summary = (runId == null) ? ((attached != null) ? ATTACHED + attached : NOTHING)
				: (existed ? EXISTED : CREATED) + runId;
		DatabaseRefusal.orConflict(
				() -> this.effects.saveAndFlush(new DecisionEffect(decisionId, this.clock.instant(), summary)),
				Map.of("decision_effect_pkey", "This decision's money has already been created"));
		if (runId != null && !existed) {
			this.grants.createFromRun(runId);
		}
	}

}
