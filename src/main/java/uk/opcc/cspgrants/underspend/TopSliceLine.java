package uk.opcc.cspgrants.underspend;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import uk.opcc.cspgrants.shared.Money;

/** A named top-slice of a {@link Redistribution}, as stored. */
@Embeddable
class TopSliceLine {

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String purpose;

	@Column(nullable = false)
	private Money amount;

	@Column(name = "takes_balance", nullable = false)
	private boolean takesBalance;

	@Column(name = "awarded_at")
	private Instant awardedAt;

	protected TopSliceLine() {
	}

	TopSliceLine(TopSlice slice) {
		this.recipient = slice.recipient();
		this.purpose = slice.purpose();
		this.amount = slice.amount();
		this.takesBalance = slice.takesBalance();
	}

	void award(Instant at) {
		if (this.awardedAt == null) {
			this.awardedAt = at;
		}
	}

	TopSlice toView() {
		return new TopSlice(this.recipient, this.purpose, this.amount, this.takesBalance);
	}

}
