package uk.opcc.cspgrants.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.security.StaffNames;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;

/**
 * Who is told about a formula run for an annual allocation: finance when a draft waits
 * for its approval, and whoever made it when it is approved or discarded by someone else.
 * A run of a redistribution is approved with its proposal, whose notices say so. Each run
 * is made, approved and discarded once, so its id makes each message one of a kind.
 */
@Component
class RunNotices {

	private final ApplicationEventPublisher events;

	private final StaffNames names;

	private final Clock clock;

	RunNotices(ApplicationEventPublisher events, StaffNames names, Clock clock) {
		this.events = events;
		this.names = names;
		this.clock = clock;
	}

	/** A draft was made: it waits for finance, who did not make it. */
	void made(RunView run) {
		if (run.purpose() != RunPurpose.ALLOCATION) {
			return;
		}
		Map<String, String> values = values(run);
		values.put("maker", this.names.of(run.createdBy()));
		values.put("partnerships", run.lines().size() + ((run.lines().size() == 1) ? " partnership" : " partnerships"));
		this.events.publishEvent(new Notice("run-awaiting-approval:" + run.id(), about(run), "run-awaiting-approval",
				values, link(run), Audience.roles(Role.FINANCE)));
	}

	/** Approved: finance need not be asked again; its maker is told. */
	void approved(RunView run) {
		this.events.publishEvent(new NoticeSettled(about(run), "The run was approved"));
		if (run.purpose() != RunPurpose.ALLOCATION) {
			return;
		}
		Map<String, String> values = values(run);
		values.put("approver", this.names.of(run.approvedBy()));
		this.events.publishEvent(new Notice("run-approved:" + run.id(), about(run), "run-approved", values, link(run),
				Audience.users(run.createdBy())));
	}

	/** Discarded: finance need not be asked; its maker is told unless they did it. */
	void discarded(RunView run, String actor) {
		this.events.publishEvent(new NoticeSettled(about(run), "The run was discarded"));
		if (run.purpose() != RunPurpose.ALLOCATION || actor == null || actor.equalsIgnoreCase(run.createdBy())) {
			return;
		}
		Map<String, String> values = values(run);
		values.put("actor", this.names.of(actor));
		this.events.publishEvent(new Notice("run-discarded:" + run.id(), about(run), "run-discarded", values, link(run),
				Audience.users(run.createdBy())));
	}

	private Map<String, String> values(RunView run) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("run", String.valueOf(run.id()));
		values.put("amount", run.pot().format());
		values.put("year", run.year().toString());
		values.put("date", Dates.day(LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		return values;
	}

	private static String about(RunView run) {
		return "run:" + run.id();
	}

	private static String link(RunView run) {
		return "/allocations/runs/" + run.id();
	}

}
