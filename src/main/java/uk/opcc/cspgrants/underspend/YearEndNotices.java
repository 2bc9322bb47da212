package uk.opcc.cspgrants.underspend;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.security.StaffNames;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;

/**
 * Who is told about the year end: finance when a year is ready to close (its last Q4
 * return accepted), and once it is closed each partnership's CSP managers their
 * underspend (or overspend) and what happens to it. All are about
 * {@code year-end:<year>}: closing the year settles the first, re-opening it the others
 * not yet sent.
 */
@Component
class YearEndNotices {

	private final ApplicationEventPublisher events;

	private final StaffNames names;

	private final Clock clock;

	YearEndNotices(ApplicationEventPublisher events, StaffNames names, Clock clock) {
		this.events = events;
		this.names = names;
		this.clock = clock;
	}

	/** Every Q4 return of an open year is accepted, the last just now. */
	void readyToClose(YearEnd standing, String lastPartnership) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("year", standing.year().toString());
		values.put("endYear", String.valueOf(standing.year().startYear() + 1));
		values.put("partnership", lastPartnership);
		values.put("date", today());
		values.put("underspend", standing.totalUnderspend().format());
		this.events.publishEvent(new Notice("year-ready-to-close:" + standing.year(), about(standing),
				"year-ready-to-close", values, "/underspend?year=" + standing.year(), Audience.roles(Role.FINANCE)));
	}

	/** The year is closed: each partnership's CSP managers are told their figure. */
	void closed(YearEnd closed, boolean carryOverspend) {
		this.events.publishEvent(new NoticeSettled(about(closed), "The year was closed"));
		boolean carried = closed.policy() == YearSettings.UnderspendPolicy.CARRY_FORWARD;
		for (UnderspendRow row : closed.rows()) {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("year", closed.year().toString());
			values.put("nextYear", closed.year().next().toString());
			values.put("closer", this.names.of(closed.closedBy()));
			values.put("date", Dates.day(LocalDate.ofInstant(closed.closedAt(), Dates.UK)));
			values.put("partnership", row.name());
			values.put("available", row.totalAvailable().format());
			values.put("spent", row.finalSpend().format());
			String template;
			if (row.overspent()) {
				template = "year-closed-overspent";
				values.put("overspend", row.underspend().negate().format());
				values.put("whatHappens", (carried && carryOverspend)
						? "The overspend is taken off " + row.name() + "'s grant for " + closed.year().next() + "."
						: "The overspend is not taken off next year's grant.");
			}
			else {
				template = carried ? "year-closed-carried-forward" : "year-closed-returned";
				values.put("underspend", row.underspend().format());
			}
			String key = "year-closed:" + closed.year() + ":" + row.code() + ":" + closed.closedAt().getEpochSecond();
			this.events.publishEvent(new Notice(key, about(closed), template, values,
					"/grants/" + closed.year() + "/" + row.code(), Audience.cspManagersOf(row.code())));
		}
	}

	/** Re-opened: figures not yet sent may change, so they are not sent. */
	void reopened(YearEnd reopened) {
		this.events.publishEvent(new NoticeSettled(about(reopened), "The year was re-opened"));
	}

	private String today() {
		return Dates.day(LocalDate.ofInstant(this.clock.instant(), Dates.UK));
	}

	private static String about(YearEnd yearEnd) {
		return "year-end:" + yearEnd.year();
	}

}
