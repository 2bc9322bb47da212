package uk.opcc.cspgrants.commissioning;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A new funding stream as an officer enters it.
 *
 * @param name its name ("PCC Community Safety Grant"), unique in its year
 * @param funder who gives the money ("Home Office")
 * @param kind a grant, force funding, a reserve or other
 * @param amount its amount for the year
 * @param conditions the conditions the money comes with, if any
 * @param ringFenced whether it may be spent only on its purpose
 */
public record StreamDetails(String name, String funder, StreamKind kind, Money amount, String conditions,
		boolean ringFenced) {

	public StreamDetails {
		name = (name == null) ? "" : name.strip();
		funder = (funder == null) ? "" : funder.strip();
		conditions = (conditions == null || conditions.isBlank()) ? null : conditions.strip();
	}

	/** Refuses, field by field in the form's order, what cannot be a stream. */
	void check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.name.isEmpty()) {
			errors.put("name", "Enter the stream's name");
		}
		else if (this.name.length() > 200) {
			errors.put("name", "The name must be 200 characters or fewer");
		}
		if (this.funder.isEmpty()) {
			errors.put("funder", "Enter who gives the money, for example Home Office");
		}
		else if (this.funder.length() > 200) {
			errors.put("funder", "The funder must be 200 characters or fewer");
		}
		if (this.kind == null) {
			errors.put("kind", "Choose where the money comes from");
		}
		if (this.amount == null) {
			errors.put("amount", "Enter the amount");
		}
		else if (this.amount.isNegative()) {
			errors.put("amount", "Enter an amount of £0.00 or more");
		}
		if (this.conditions != null && this.conditions.length() > 4000) {
			errors.put("conditions", "The conditions must be 4,000 characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

}
