package uk.opcc.cspgrants.decision;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.Money;

/**
 * What deciding a record does to money, for the Commissioner's check page before and the
 * confirmation after: the grant lines of its formula run, one per partnership, and their
 * total.
 */
@Component
@Transactional(readOnly = true)
class DecisionConsequences {

	private final RunManagement runs;

	private final GrantManagement grants;

	private final DecisionEffects effects;

	private final DecisionAttachments attachments;

	DecisionConsequences(RunManagement runs, GrantManagement grants, DecisionEffects effects,
			DecisionAttachments attachments) {
		this.attachments = attachments;
		this.runs = runs;
		this.grants = grants;
		this.effects = effects;
	}

	/** What a Supported decision of this record does, or did. */
	DecisionMoney of(DecisionView record) {
		Long runId = record.draft().formulaRunId();
		if (runId == null) {
			return new DecisionMoney(null, List.of(), Money.ZERO, false, false, this.attachments.whenSupported(record));
		}
		RunView run = this.runs.get(runId);
		boolean created = record.decision() != null && record.decision().supported()
				&& this.effects.createdGrants(record.id());
		boolean existing = !created && this.grants.grantsCreatedFrom(runId);
		return new DecisionMoney(run, run.byAmount(), run.total(), existing, created, null);
	}

}
