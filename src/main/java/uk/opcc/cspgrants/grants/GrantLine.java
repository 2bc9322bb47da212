package uk.opcc.cspgrants.grants;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import uk.opcc.cspgrants.shared.Money;

/** One source of a grant's money; part of the {@link Grant} aggregate. */
@Entity
@Table(name = "grant_line")
class GrantLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "grant_id", nullable = false, updatable = false)
	private Grant grant;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private GrantView.Source source;

	@Column(nullable = false)
	private Money amount;

	@Column(name = "run_id", updatable = false)
	private Long runId;

	private String note;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	protected GrantLine() {
	}

	GrantLine(Grant grant, GrantView.Source source, Money amount, Long runId, String note, String createdBy,
			Instant createdAt) {
		this.grant = grant;
		this.source = source;
		this.amount = amount;
		this.runId = runId;
		this.note = note;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	/** A hand-entered line is replaced, never added to: the one historic allocation. */
	void replace(Money amount, String note, String by, Instant at) {
		this.amount = amount;
		this.note = note;
		this.createdBy = by;
		this.createdAt = at;
	}

	GrantView.Source source() {
		return this.source;
	}

	Money amount() {
		return this.amount;
	}

	Long runId() {
		return this.runId;
	}

	GrantView.Line toView() {
		return new GrantView.Line(this.source, this.amount, this.runId, this.note, this.createdAt, this.createdBy);
	}

}
