package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * A payment of a grant to an organisation as finance typed it: the date it was paid
 * (GOV.UK date input: {@code paidOn.day}, {@code paidOn.month}, {@code paidOn.year}), the
 * reference and the version of the payment read.
 *
 * @param paidOn the date as typed
 * @param reference the payment reference as typed
 * @param version the payment's version read
 */
record OrganisationPaymentForm(DateParts paidOn, String reference, Long version) {

	OrganisationPaymentForm {
		paidOn = (paidOn != null) ? paidOn : DateParts.empty();
		reference = (reference != null) ? reference : "";
	}

	/**
	 * The date typed; a date that cannot be read is refused together with a missing
	 * reference, so every mistake is shown at once.
	 */
	LocalDate date() {
		try {
			return this.paidOn.toDate("paidOn", PaymentForm.WHAT);
		}
		catch (ValidationException unreadable) {
			Map<String, String> errors = new LinkedHashMap<>(unreadable.fieldErrors());
			if (this.reference.isBlank()) {
				errors.put("reference", "Enter the payment reference, up to 100 characters");
			}
			throw new ValidationException(errors);
		}
	}

}
