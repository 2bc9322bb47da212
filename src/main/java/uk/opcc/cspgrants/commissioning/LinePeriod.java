package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import uk.opcc.cspgrants.shared.Money;

/**
 * An amount of an award line for a period; part of the {@link AwardSchedule} aggregate.
 */
@Embeddable
class LinePeriod {

	@Column(name = "starts_on", nullable = false)
	private LocalDate startsOn;

	@Column(name = "ends_on", nullable = false)
	private LocalDate endsOn;

	@Column(nullable = false)
	private Money amount;

	protected LinePeriod() {
	}

	LinePeriod(LocalDate startsOn, LocalDate endsOn, Money amount) {
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.amount = amount;
	}

	LocalDate startsOn() {
		return this.startsOn;
	}

	LocalDate endsOn() {
		return this.endsOn;
	}

	Money amount() {
		return this.amount;
	}

}
