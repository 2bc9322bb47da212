package uk.opcc.cspgrants.grants;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.Money;

/**
 * A payment of a grant to an organisation, for one period of its award line: due until
 * finance records it paid, once, with the date and reference (its version refuses a
 * second recording at the same moment).
 */
@Entity
@Table(name = "organisation_grant_payment")
class OrganisationGrantPayment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "grant_id", nullable = false, updatable = false)
	private OrganisationGrant grant;

	@Column(name = "starts_on", nullable = false, updatable = false)
	private LocalDate startsOn;

	@Column(name = "ends_on", nullable = false, updatable = false)
	private LocalDate endsOn;

	@Column(nullable = false, updatable = false)
	private BigDecimal amount;

	@Column(name = "paid_on")
	private LocalDate paidOn;

	private String reference;

	@Column(name = "recorded_by")
	private String recordedBy;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	@Version
	private long version;

	protected OrganisationGrantPayment() {
	}

	OrganisationGrantPayment(OrganisationGrant grant, LocalDate startsOn, LocalDate endsOn, Money amount) {
		this.grant = grant;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.amount = amount.amount();
	}

	void paid(LocalDate on, String ref, String by, Instant at) {
		this.paidOn = on;
		this.reference = ref;
		this.recordedBy = by;
		this.recordedAt = at;
	}

	Long id() {
		return this.id;
	}

	LocalDate startsOn() {
		return this.startsOn;
	}

	LocalDate endsOn() {
		return this.endsOn;
	}

	Money amount() {
		return Money.of(this.amount);
	}

	LocalDate paidOn() {
		return this.paidOn;
	}

	String reference() {
		return this.reference;
	}

	String recordedBy() {
		return this.recordedBy;
	}

	long version() {
		return this.version;
	}

	boolean isPaid() {
		return this.paidOn != null;
	}

	OrganisationGrantView.Payment toView() {
		return new OrganisationGrantView.Payment((this.id != null) ? this.id : 0, this.startsOn, this.endsOn, amount(),
				this.paidOn, this.reference, this.version);
	}

}
