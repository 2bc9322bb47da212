package uk.opcc.cspgrants.commissioning;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A top-up or reduction of a stream, with its reason and the version of the stream read.
 *
 * @param direction top up or reduce
 * @param amount by how much
 * @param reason why, in words kept in the stream's history
 * @param version the stream's version when it was read
 */
public record StreamChange(Direction direction, Money amount, String reason, Long version) {

	public StreamChange {
		reason = (reason == null) ? "" : reason.strip();
	}

	/** Which way the amount moves. */
	public enum Direction {

		TOP_UP("Top up", "TOP_UP"), REDUCE("Reduce", "REDUCE");

		private final String label;

		private final String auditAction;

		Direction(String label, String auditAction) {
			this.label = label;
			this.auditAction = auditAction;
		}

		public String label() {
			return this.label;
		}

		String auditAction() {
			return this.auditAction;
		}

	}

	/** Refuses, field by field, what is missing. */
	void check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.direction == null) {
			errors.put("direction", "Choose whether to top up or reduce the stream");
		}
		if (this.amount == null) {
			errors.put("amount", "Enter the amount of the change");
		}
		else if (!this.amount.isGreaterThan(Money.ZERO)) {
			errors.put("amount", "Enter an amount more than £0.00");
		}
		if (this.reason.isEmpty()) {
			errors.put("reason", "Enter why the stream changes");
		}
		else if (this.reason.length() > 1000) {
			errors.put("reason", "The reason must be 1,000 characters or fewer");
		}
		if (this.version == null) {
			errors.put("version", "Send the version of the stream you read");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

}
