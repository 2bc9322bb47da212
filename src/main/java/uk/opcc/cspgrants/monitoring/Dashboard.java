package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * The monitoring dashboard of a year: for each partnership with a grant, each quarter's
 * return as received, accepted, returned, overdue or not yet due, and the money paid and
 * due.
 *
 * @param year the financial year
 * @param rows one per partnership
 * @param dueDates when each quarter's returns are due
 */
public record Dashboard(FinancialYear year, List<Row> rows, Map<Quarter, LocalDate> dueDates) {

	/** What the dashboard shows of one quarter's return. */
	public enum State {

		ACCEPTED("Accepted", "govuk-tag--green"), RECEIVED("Received", "govuk-tag--blue"),
		RETURNED("Returned for correction", "govuk-tag--orange"), DRAFT("Draft", "govuk-tag--grey"),
		OVERDUE("Overdue: not received", "govuk-tag--red"), NOT_DUE("Not due yet", "govuk-tag--grey");

		private final String label;

		private final String tagClass;

		State(String label, String tagClass) {
			this.label = label;
			this.tagClass = tagClass;
		}

		public String label() {
			return this.label;
		}

		public String tagClass() {
			return this.tagClass;
		}

		static State of(ReturnView view, LocalDate due, LocalDate today) {
			if (view != null) {
				switch (view.status()) {
					case ACCEPTED:
						return ACCEPTED;
					case SUBMITTED:
						return RECEIVED;
					case RETURNED:
						return RETURNED;
					default:
						break;
				}
			}
			if (today.isAfter(due)) {
				return OVERDUE;
			}
			return (view != null) ? DRAFT : NOT_DUE;
		}

	}

	/**
	 * One partnership's line.
	 *
	 * @param code short code
	 * @param name name
	 * @param states each quarter's state
	 * @param paid money paid so far
	 * @param due money due and not yet paid
	 */
	public record Row(String code, String name, Map<Quarter, State> states, Money paid, Money due) {
	}

	static Dashboard of(FinancialYear year, List<PaymentSchedule> schedules,
			Map<Long, Map<Quarter, ReturnView>> returns, Map<Quarter, LocalDate> dueDates, LocalDate today) {
		List<Row> rows = new ArrayList<>();
		for (PaymentSchedule schedule : schedules) {
			Map<Quarter, State> states = new EnumMap<>(Quarter.class);
			Map<Quarter, ReturnView> own = returns.getOrDefault(schedule.partnershipId(), Map.of());
			for (Quarter quarter : Quarter.values()) {
				states.put(quarter, State.of(own.get(quarter), dueDates.get(quarter), today));
			}
			rows.add(new Row(schedule.code(), schedule.name(), states, schedule.paid(), schedule.due()));
		}
		return new Dashboard(year, rows, dueDates);
	}

	public long count(Quarter quarter, State state) {
		return this.rows.stream().filter(row -> row.states().get(quarter) == state).count();
	}

}
