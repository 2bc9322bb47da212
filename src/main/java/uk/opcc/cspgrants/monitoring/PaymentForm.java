package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * One payment's row as finance typed it: which payment, the date it was paid (GOV.UK date
 * input: {@code paidOn.day}, {@code paidOn.month}, {@code paidOn.year}) and the
 * reference.
 *
 * @param quarter the quarter of the payment, blank for the annual payment
 * @param paidOn the date as typed
 * @param reference the payment reference as typed
 */
record PaymentForm(String quarter, DateParts paidOn, String reference) {

	static final String WHAT = "the date the payment was made";

	PaymentForm {
		paidOn = (paidOn != null) ? paidOn : DateParts.empty();
		reference = (reference != null) ? reference : "";
	}

	/** The quarter, or {@code null} for the annual payment in advance. */
	Quarter paidQuarter() {
		return (this.quarter == null || this.quarter.isBlank()) ? null : Quarter.parse(this.quarter);
	}

	/**
	 * The date typed; a date that cannot be read is refused together with a missing
	 * reference, so every mistake is shown at once.
	 */
	LocalDate date() {
		try {
			return this.paidOn.toDate("paidOn", WHAT);
		}
		catch (ValidationException unreadable) {
			Map<String, String> errors = new LinkedHashMap<>(unreadable.fieldErrors());
			if (this.reference.isBlank()) {
				errors.put("reference", "Enter the payment reference, up to 100 characters");
			}
			throw new ValidationException(errors);
		}
	}

	/** Whether this form is the one for a payment's row. */
	public boolean isFor(String code, String typedCode, Quarter rowQuarter) {
		return code.equalsIgnoreCase(typedCode) && paidQuarter() == rowQuarter;
	}

}
