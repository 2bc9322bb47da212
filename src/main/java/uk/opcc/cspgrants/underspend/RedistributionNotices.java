package uk.opcc.cspgrants.underspend;

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
 * Who is told about a redistribution proposal: finance when it waits for approval (made
 * or revised), and the officer who proposed it when finance approves it or the
 * Commissioner does not support it. Each revision splits the remainder by a new formula
 * run, so the run's id in a key makes a revised proposal tell finance again.
 */
@Component
class RedistributionNotices {

	private final ApplicationEventPublisher events;

	private final StaffNames names;

	private final Clock clock;

	RedistributionNotices(ApplicationEventPublisher events, StaffNames names, Clock clock) {
		this.events = events;
		this.names = names;
		this.clock = clock;
	}

	/** Proposed or revised: it waits for finance. */
	void waiting(RedistributionView proposal, boolean revised) {
		if (revised) {
			this.events.publishEvent(new NoticeSettled(about(proposal), "The proposal was revised"));
		}
		Map<String, String> values = values(proposal);
		values.put("proposer", this.names.of(proposal.createdBy()));
		values.put("topSliced", proposal.topSliced().format());
		values.put("remainder", proposal.run().total().format());
		values.put("nextYear", proposal.sourceYear().next().toString());
		tell("redistribution-awaiting-approval", proposal, values, Audience.roles(Role.FINANCE));
	}

	/** Finance approved it: the proposer is told its decision record is drafted. */
	void approved(RedistributionView proposal) {
		this.events.publishEvent(new NoticeSettled(about(proposal), "Finance approved the proposal"));
		Map<String, String> values = values(proposal);
		values.put("approver", this.names.of(proposal.approvedBy()));
		values.put("reference", proposal.decisionReference());
		tell("redistribution-approved", proposal, values, Audience.users(proposal.createdBy()));
	}

	/** The Commissioner did not support its record: it is the proposer's to revise. */
	void notSupported(RedistributionView proposal) {
		Map<String, String> values = values(proposal);
		values.put("reference", proposal.decisionReference());
		tell("redistribution-sent-back", proposal, values, Audience.users(proposal.createdBy()));
	}

	private void tell(String template, RedistributionView proposal, Map<String, String> values, Audience audience) {
		String key = template + ":" + proposal.id() + ":run" + proposal.run().id();
		this.events.publishEvent(
				new Notice(key, about(proposal), template, values, "/redistributions/" + proposal.id(), audience));
	}

	private Map<String, String> values(RedistributionView proposal) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("sourceYear", proposal.sourceYear().toString());
		values.put("pot", proposal.pot().format());
		values.put("date", Dates.day(LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		return values;
	}

	private static String about(RedistributionView proposal) {
		return "redistribution:" + proposal.id();
	}

}
