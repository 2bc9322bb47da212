package uk.opcc.cspgrants.decision;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.grants.GrantManagement;

/**
 * What a Supported decision does to money, exactly once: the grants of its formula run.
 * The effect row is written first in the same transaction; a repeated attempt finds it
 * and does nothing.
 */
@Component
class DecisionEffects {

	private final JdbcClient jdbc;

	private final GrantManagement grants;

	private final Clock clock;

	DecisionEffects(JdbcClient jdbc, GrantManagement grants, Clock clock) {
		this.jdbc = jdbc;
		this.grants = grants;
		this.clock = clock;
	}

	/**
	 * Applies a Supported decision's effects; returns false when they were applied
	 * before.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean apply(DecisionView decision) {
		if (decision.decision() == null || !decision.decision().supported()) {
			return false;
		}
		Long runId = decision.draft().formulaRunId();
		String summary = (runId != null) ? "Grants from formula run " + runId : "No money decided";
		int inserted = this.jdbc.sql(
				"insert into decision_effect (decision_id, applied_at, summary) values (?, ?, ?) on conflict do nothing")
			.params(decision.id(), Timestamp.from(this.clock.instant()), summary)
			.update();
		if (inserted == 0) {
			return false;
		}
		if (runId != null && !this.grants.grantsCreatedFrom(runId)) {
			this.grants.createFromRun(runId);
		}
		return true;
	}

}
