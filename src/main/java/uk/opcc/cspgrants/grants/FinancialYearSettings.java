package uk.opcc.cspgrants.grants;

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

	/** {@code null} until first saved, so that saving a new year's settings inserts. */
	@Version
	private Long version;

	protected FinancialYearSettings() {
	}

	FinancialYearSettings(FinancialYear year) {
		this.financialYear = year.startYear();
	}

	void change(YearSettings settings) {
		if (settings.returnDueDays() < 0 || settings.returnDueDays() > 365) {
			throw new ValidationException("returnDueDays", "Returns are due 0 to 365 days after the quarter ends");
		}
		if (settings.paymentProfile() == null || settings.underspendPolicy() == null) {
			throw new ValidationException("paymentProfile",
					"Choose how grants are paid and what happens to underspend");
		}
		this.paymentProfile = settings.paymentProfile();
		this.returnDueDays = settings.returnDueDays();
		this.underspendPolicy = settings.underspendPolicy();
	}

	YearSettings toView() {
		return new YearSettings(new FinancialYear(this.financialYear), this.paymentProfile, this.returnDueDays,
				this.underspendPolicy, (this.version != null) ? this.version : -1);
	}

}
