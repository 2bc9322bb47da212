package uk.opcc.cspgrants.underspend;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * One partnership's underspend as it stood when its year was closed; part of
 * {@link YearClose}.
 */
@Embeddable
class FrozenUnderspend {

	@Column(name = "partnership_id", nullable = false)
	private long partnershipId;

	@Column(name = "total_available", nullable = false)
	private Money totalAvailable;

	@Column(name = "final_spend", nullable = false)
	private Money finalSpend;

	@Column(nullable = false)
	private Money underspend;

	@Enumerated(EnumType.STRING)
	@Column(name = "spend_quarter")
	private Quarter spendQuarter;

	protected FrozenUnderspend() {
	}

	FrozenUnderspend(UnderspendRow row) {
		this.partnershipId = row.partnershipId();
		this.totalAvailable = row.totalAvailable();
		this.finalSpend = row.finalSpend();
		this.underspend = row.totalAvailable().minus(row.finalSpend());
		this.spendQuarter = row.spendQuarter();
	}

	long partnershipId() {
		return this.partnershipId;
	}

	/** The row as frozen, with the partnership's current name and grant for display. */
	UnderspendRow toRow(UnderspendRow now) {
		return new UnderspendRow(this.partnershipId, now.code(), now.name(), now.allocation(), now.carryForward(),
				this.totalAvailable, this.finalSpend, this.spendQuarter, this.underspend);
	}

}
