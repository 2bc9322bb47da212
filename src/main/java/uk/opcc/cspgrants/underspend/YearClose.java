package uk.opcc.cspgrants.underspend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A financial year closed by finance, with each partnership's underspend frozen as it
 * stood then (total available minus final spend). Closed once; re-opened with a reason;
 * closed again from there. Each change moves its version on, and a year closed for the
 * first time is a new row, so two people closing at once meet at the key or the version.
 */
@Entity
@Table(name = "year_close")
class YearClose {

	/** Whether a year is closed now, or was closed and re-opened. */
	enum State {

		CLOSED, REOPENED

	}

	@Id
	@Column(name = "financial_year")
	private Integer financialYear;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private State status;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private YearSettings.UnderspendPolicy policy;

	@Column(name = "missing_reason")
	private String missingReason;

	@Column(name = "closed_at", nullable = false)
	private Instant closedAt;

	@Column(name = "closed_by", nullable = false)
	private String closedBy;

	@Column(name = "reopen_reason")
	private String reopenReason;

	@ElementCollection
	@CollectionTable(name = "year_underspend", joinColumns = @JoinColumn(name = "financial_year"))
	private List<FrozenUnderspend> underspends = new ArrayList<>();

	/** {@code null} until first saved, so that a first close inserts. */
	@Version
	private Long version;

	protected YearClose() {
	}

	/** A year not closed before. */
	YearClose(FinancialYear year) {
		this.financialYear = year.startYear();
	}

	/**
	 * Closes the year and freezes its underspend. Every Q4 return must be accepted, or
	 * finance gives a reason naming those missing.
	 * @param missingQ4 the partnerships whose Q4 return is not accepted
	 */
	void close(YearSettings.UnderspendPolicy policy, List<UnderspendRow> rows, List<String> missingQ4,
			String missingReason, String by, Instant at) {
		refuseUnlessClosable(rows, missingQ4, missingReason);
		String reason = (missingReason == null || missingReason.isBlank()) ? null : missingReason.strip();
		this.status = State.CLOSED;
		this.policy = policy;
		this.missingReason = missingQ4.isEmpty() ? null
				: "Q4 missing for " + String.join(", ", missingQ4) + ": " + reason;
		this.closedAt = at;
		this.closedBy = by;
		this.underspends.clear();
		rows.forEach(row -> this.underspends.add(new FrozenUnderspend(row)));
	}

	/**
	 * Refuses to close what may not be closed: a year already closed, one with no grants,
	 * or one with Q4 returns missing and no reason (of at most 500 characters).
	 */
	void refuseUnlessClosable(List<UnderspendRow> rows, List<String> missingQ4, String missingReason) {
		if (this.status == State.CLOSED) {
			throw new ConflictException(null,
					year() + " is already closed; re-open it, with a reason, to close it again");
		}
		if (rows.isEmpty()) {
			throw new ValidationException("year", "There are no grants for " + year() + " to close");
		}
		String reason = (missingReason == null || missingReason.isBlank()) ? null : missingReason.strip();
		if (!missingQ4.isEmpty() && reason == null) {
			throw new ValidationException("missingReason", "The Q4 return is not accepted for "
					+ String.join(", ", missingQ4) + ": give a reason to close the year without it");
		}
		if (reason != null && reason.length() > 500) {
			throw new ValidationException("missingReason", "The reason must be 500 characters or fewer");
		}
	}

	/** Re-opens a closed year, with a reason; carry forwards already set stay. */
	void reopen(String reason) {
		if (this.status != State.CLOSED) {
			throw new ConflictException(null, year() + " is not closed");
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
			throw new ValidationException("reason", "Say why the year is re-opened, in up to 1,000 characters");
		}
		this.status = State.REOPENED;
		this.reopenReason = reason.strip();
	}

	boolean closed() {
		return this.status == State.CLOSED;
	}

	FinancialYear year() {
		return new FinancialYear(this.financialYear);
	}

	YearSettings.UnderspendPolicy policy() {
		return this.policy;
	}

	String missingReason() {
		return this.missingReason;
	}

	Instant closedAt() {
		return this.closedAt;
	}

	String closedBy() {
		return this.closedBy;
	}

	List<FrozenUnderspend> underspends() {
		return List.copyOf(this.underspends);
	}

	/** What the audit trail records of a close or a re-opening. */
	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("status", (this.status != null) ? this.status.name() : null);
		snapshot.put("policy", (this.policy != null) ? this.policy.name() : null);
		snapshot.put("reason", (this.status == State.REOPENED) ? this.reopenReason : this.missingReason);
		return snapshot;
	}

}
