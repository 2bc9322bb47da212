package uk.opcc.cspgrants.grants;

import java.time.Instant;
import java.time.LocalDate;

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
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A payment of a grant recorded as paid by finance; part of the {@link Grant} aggregate.
 * Never changes once recorded.
 */
@Entity
@Table(name = "grant_payment")
class GrantPayment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "grant_id", nullable = false, updatable = false)
	private Grant grant;

	/**
	 * The quarter whose accepted return it follows, or {@code null} for the annual one.
	 */
	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private Quarter quarter;

	@Column(nullable = false, updatable = false)
	private Money amount;

	@Column(name = "paid_on", nullable = false, updatable = false)
	private LocalDate paidOn;

	@Column(updatable = false)
	private String reference;

	@Column(name = "recorded_by", updatable = false)
	private String recordedBy;

	@Column(name = "recorded_at", updatable = false)
	private Instant recordedAt;

	protected GrantPayment() {
	}

	GrantPayment(Grant grant, Quarter quarter, Money amount, LocalDate paidOn, String reference, String recordedBy,
			Instant recordedAt) {
		this.grant = grant;
		this.quarter = quarter;
		this.amount = amount;
		this.paidOn = paidOn;
		this.reference = reference;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	Quarter quarter() {
		return this.quarter;
	}

	Money amount() {
		return this.amount;
	}

	Payment toView(long grantId) {
		return new Payment(grantId, this.quarter, this.amount, this.paidOn, this.reference);
	}

}
