package uk.opcc.cspgrants.commissioning;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.Dates;

/**
 * An award line as the audit trail keeps it, in the words the schedule shows: the
 * recipient, stream and theme by name, the route and status by label, each period as "1
 * April 2013 to 30 September 2013: £43,945.00" (not ids and ISO dates that the history
 * would have to translate back).
 */
final class LineSnapshot {

	private LineSnapshot() {
	}

	static Map<String, Object> of(AwardLineView line, ScheduleView schedule) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("position", line.position());
		snapshot.put("section", line.section());
		snapshot.put("organisation", line.organisationName());
		snapshot.put("initiative", line.initiative());
		snapshot.put("lineStatus", line.status().label());
		snapshot.put("stream", line.streamName());
		snapshot.put("theme", line.themeName());
		snapshot.put("route", line.route().label());
		snapshot.put("businessCaseRef", line.businessCaseRef());
		snapshot.put("contractRef", line.contractRef());
		snapshot.put("roundRef", line.roundRef());
		snapshot.put("inKind", line.inKind());
		snapshot.put("comments", line.comments());
		snapshot.put("replaces", (line.replacesLineId() == null) ? null : replaced(line.replacesLineId(), schedule));
		snapshot.put("periods",
				line.periods()
					.stream()
					.map((period) -> Dates.day(period.startsOn()) + " to " + Dates.day(period.endsOn()) + ": "
							+ period.amount().format())
					.toList());
		snapshot.put("total", line.total().toString());
		return snapshot;
	}

	/** "Line 3, Youth Crime" for the line replaced. */
	private static String replaced(long lineId, ScheduleView schedule) {
		return schedule.lines()
			.stream()
			.filter((line) -> line.id() == lineId)
			.map((line) -> "line " + line.position() + ", " + line.initiative())
			.findFirst()
			.orElse("a line since removed");
	}

}
