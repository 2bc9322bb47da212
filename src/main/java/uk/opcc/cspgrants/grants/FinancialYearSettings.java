package uk.opcc.cspgrants.grants;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.ValidationException;

/** The saved settings of a financial year; a year with none uses the defaults. */
@Entity
@Table(name = "year_settings")
class FinancialYearSettings {

	@Id
	@Column(name = "financial_year")
	private Integer financialYear;

	@Enumerated(EnumType.STRING)
	@Column(name = "payment_profile", nullable = false)
	private YearSettings.PaymentProfile paymentProfile;

	@Column(name = "return_due_days", nullable = false)
	private int returnDueDays;

	@Enumerated(EnumType.STRING)
	@Column(name = "underspend_policy", nullable = false)
	private YearSettings.UnderspendPolicy underspendPolicy;

	@Column(name = "reminder_days", nullable = false)
	private String reminderDays = "10,3";

	@Column(name = "escalate_after_days", nullable = false)
	private int escalateAfterDays = 5;

	@Column(name = "hold_after_days", nullable = false)
	private int holdAfterDays = 15;

	/** {@code null} until first saved, so that saving a new year's settings inserts. */
	@Version
	private Long version;

	protected FinancialYearSettings() {
	}

	FinancialYearSettings(FinancialYear year) {
		this.financialYear = year.startYear();
	}

	/** Applies settings after checking them, every field's problem at once. */
	void change(YearSettings settings) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (settings.paymentProfile() == null || settings.underspendPolicy() == null) {
			errors.put("paymentProfile", "Choose how grants are paid and what happens to underspend");
		}
		if (settings.returnDueDays() < 0 || settings.returnDueDays() > 365) {
			errors.put("returnDueDays", "Returns are due 0 to 365 days after the quarter ends");
		}
		YearSettings.Reminders reminders = settings.reminders();
		if (reminders.daysBefore().isEmpty() || reminders.daysBefore().size() > 5
				|| reminders.daysBefore().stream().anyMatch(days -> days < 1 || days > 60)) {
			errors.put("reminderDays", "Enter 1 to 5 numbers of working days from 1 to 60, like 10, 3");
		}
		if (reminders.escalateAfter() < 1 || reminders.escalateAfter() > 60) {
			errors.put("escalateAfterDays", "The manager is told after 1 to 60 working days overdue");
		}
		if (reminders.holdAfter() < 1 || reminders.holdAfter() > 120) {
			errors.put("holdAfterDays", "Payments are held after 1 to 120 working days overdue");
		}
		else if (reminders.holdAfter() <= reminders.escalateAfter()) {
			errors.put("holdAfterDays", "Payments are held later than the manager is told: after more than "
					+ reminders.escalateAfter() + " working days overdue");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		this.paymentProfile = settings.paymentProfile();
		this.returnDueDays = settings.returnDueDays();
		this.underspendPolicy = settings.underspendPolicy();
		this.reminderDays = reminders.daysBefore().stream().map(String::valueOf).collect(Collectors.joining(","));
		this.escalateAfterDays = reminders.escalateAfter();
		this.holdAfterDays = reminders.holdAfter();
	}

	YearSettings toView() {
		return new YearSettings(new FinancialYear(this.financialYear), this.paymentProfile, this.returnDueDays,
				this.underspendPolicy,
				new YearSettings.Reminders(Arrays.stream(this.reminderDays.split(",")).map(Integer::valueOf).toList(),
						this.escalateAfterDays, this.holdAfterDays),
				(this.version != null) ? this.version : -1);
	}

}
