package uk.opcc.cspgrants.grants;

import java.util.List;
import java.util.stream.Collectors;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * How a financial year's grants work.
 *
 * @param year the financial year
 * @param paymentProfile annually in advance, or quarterly in arrears on accepted returns
 * @param returnDueDays days after a quarter ends that its return is due
 * @param underspendPolicy what happens to underspend at year end
 * @param reminders when returns are chased, escalated and payments held
 * @param version for optimistic locking
 */
public record YearSettings(FinancialYear year, PaymentProfile paymentProfile, int returnDueDays,
		UnderspendPolicy underspendPolicy, Reminders reminders, long version) {

	public YearSettings {
		reminders = (reminders != null) ? reminders : Reminders.DEFAULT;
	}

	/** Settings with the default reminders. */
	public YearSettings(FinancialYear year, PaymentProfile paymentProfile, int returnDueDays,
			UnderspendPolicy underspendPolicy, long version) {
		this(year, paymentProfile, returnDueDays, underspendPolicy, Reminders.DEFAULT, version);
	}

	public static YearSettings defaultsFor(FinancialYear year) {
		return new YearSettings(year, PaymentProfile.QUARTERLY_IN_ARREARS, 30, UnderspendPolicy.CARRY_FORWARD, -1);
	}

	/**
	 * When a year's returns are chased, in working days: reminders before the due date,
	 * the officer's manager told when a return is overdue by {@code escalateAfter}, the
	 * partnership's payments held when overdue by {@code holdAfter}.
	 *
	 * @param daysBefore working days before the due date a reminder is sent, e.g. 10 and
	 * 3
	 * @param escalateAfter working days overdue when the officer's manager is told
	 * @param holdAfter working days overdue when the partnership's payments are held
	 */
	public record Reminders(List<Integer> daysBefore, int escalateAfter, int holdAfter) {

		public static final Reminders DEFAULT = new Reminders(List.of(10, 3), 5, 15);

		public Reminders {
			daysBefore = daysBefore.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
		}

		/** "10, 3", as the settings form shows them. */
		public String daysBeforeText() {
			return this.daysBefore.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}

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
