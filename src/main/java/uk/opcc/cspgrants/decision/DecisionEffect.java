package uk.opcc.cspgrants.decision;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.data.domain.Persistable;

/**
 * What a Supported decision did to money, written once in the deciding transaction: its
 * key is the decision, so a second attempt is refused by the database, and the row can
 * never be changed or deleted (migration V17).
 */
@Entity
@Table(name = "decision_effect")
class DecisionEffect implements Persistable<Long> {

	@Id
	@Column(name = "decision_id")
	private Long decisionId;

	@Column(name = "applied_at", nullable = false)
	private Instant appliedAt;

	@Column(nullable = false)
	private String summary;

	protected DecisionEffect() {
	}

	DecisionEffect(long decisionId, Instant appliedAt, String summary) {
		this.decisionId = decisionId;
		this.appliedAt = appliedAt;
		this.summary = summary;
	}

	@Override
	public Long getId() {
		return this.decisionId;
	}

	String summary() {
		return this.summary;
	}

	/**
	 * Always inserted, never merged: a second effect of one decision is refused by its
	 * key.
	 */
	@Override
	public boolean isNew() {
		return true;
	}

}
