package uk.opcc.cspgrants.rounds.applying;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The due diligence recorded on an eligible application's organisation: its answers, who
 * recorded them and when. Recorded once (the application is its key), then changed from
 * the version read.
 */
@Entity
@Table(name = "application_due_diligence")
class DueDiligence {

	@Id
	@Column(name = "application_id")
	private Long applicationId;

	@Column(name = "registration_confirmed", nullable = false)
	private boolean registrationConfirmed;

	@Column(name = "accounts_satisfactory", nullable = false)
	private boolean accountsSatisfactory;

	@Column(name = "safeguarding_satisfactory", nullable = false)
	private boolean safeguardingSatisfactory;

	@Column(name = "bank_account_verified", nullable = false)
	private boolean bankAccountVerified;

	@Column(name = "interests_checked", nullable = false)
	private boolean interestsChecked;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DueDiligenceAnswers.Risk risk;

	@Column
	private String notes;

	@Column(name = "checked_by", nullable = false)
	private String checkedBy;

	@Column(name = "checked_at", nullable = false)
	private Instant checkedAt;

	@Version
	private Long version;

	protected DueDiligence() {
	}

	DueDiligence(long applicationId) {
		this.applicationId = applicationId;
	}

	void record(DueDiligenceAnswers answers, String by, Instant now) {
		this.registrationConfirmed = answers.registrationConfirmed();
		this.accountsSatisfactory = answers.accountsSatisfactory();
		this.safeguardingSatisfactory = answers.safeguardingSatisfactory();
		this.bankAccountVerified = answers.bankAccountVerified();
		this.interestsChecked = answers.interestsChecked();
		this.risk = answers.risk();
		this.notes = answers.notes();
		this.checkedBy = by;
		this.checkedAt = now;
	}

	DueDiligenceView view() {
		return new DueDiligenceView(new DueDiligenceAnswers(this.registrationConfirmed, this.accountsSatisfactory,
				this.safeguardingSatisfactory, this.bankAccountVerified, this.interestsChecked, this.risk, this.notes),
				this.checkedBy, this.checkedAt, this.version);
	}

}
