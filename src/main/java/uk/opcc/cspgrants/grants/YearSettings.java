package uk.opcc.cspgrants.grants;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * How a financial year's grants work.
 *
 * @param year the financial year
 * @param paymentProfile annually in advance, or quarterly in arrears on accepted returns
 * @param returnDueDays days after a quarter ends that its return is due
 * @param underspendPolicy what happens to underspend at year end
 * @param version for optimistic locking
 */
public record YearSettings(FinancialYear year, PaymentProfile paymentProfile, int returnDueDays,
		UnderspendPolicy underspendPolicy, long version) {

	public static YearSettings defaultsFor(FinancialYear year) {
		return new YearSettings(year, PaymentProfile.QUARTERLY_IN_ARREARS, 30, UnderspendPolicy.CARRY_FORWARD, -1);
	}

	/** How grants are paid. */
	public enum PaymentProfile {

		ANNUALLY_IN_ADVANCE("Annually in advance"), QUARTERLY_IN_ARREARS("Quarterly in arrears");

		private final String label;

		PaymentProfile(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** What happens to a partnership's underspend at year end. */
	public enum UnderspendPolicy {

		CARRY_FORWARD("Carried forward to the same partnership"), RETURN_TO_POT("Returned to a central pot");

		private final String label;

		UnderspendPolicy(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
