package uk.opcc.cspgrants.grants;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * What finance types to record a payment paid, checked the same way for a CSP's grant and
 * an organisation's: a date not in the future and no earlier than the year before the
 * grant's year began, and a reference of up to 100 characters.
 */
final class PaymentRecorded {

	private PaymentRecorded() {
	}

	/**
	 * The reference as kept (stripped); refused on {@code paidOn} and {@code reference}
	 * with every problem at once.
	 */
	static String check(FinancialYear year, LocalDate paidOn, String reference, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate earliest = year.previous().startDate();
		if (paidOn == null) {
			errors.put("paidOn", "Enter the date it was paid");
		}
		else if (paidOn.isAfter(today)) {
			errors.put("paidOn", "The date it was paid cannot be in the future");
		}
		else if (paidOn.isBefore(earliest)) {
			errors.put("paidOn", "The date it was paid must be on or after " + Dates.day(earliest)
					+ ", the year before " + year + " began");
		}
		String ref = (reference == null) ? "" : reference.strip();
		if (ref.isEmpty() || ref.length() > 100) {
			errors.put("reference", "Enter the payment reference, up to 100 characters");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return ref;
	}

}
