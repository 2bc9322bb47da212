package uk.opcc.cspgrants.decision;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;

/**
 * Who is told when a decision record takes a step: its next signer (finance to consult,
 * the Monitoring Officer's publication decision, the Commissioner's decision), and its
 * drafter when it is sent back, with the reason, or decided. A record sent back and
 * corrected waits for finance again: the keys name the round (how many times it has been
 * sent back), so each signer is told once in each round, however often the draft is
 * changed in between.
 */
@Component
class DecisionNotices {

	private final ApplicationEventPublisher events;

	private final People people;

	DecisionNotices(ApplicationEventPublisher events, People people) {
		this.events = events;
		this.people = people;
	}

	/**
	 * The record has been saved after a step.
	 * @param record as saved
	 * @param was its status before the step, {@code null} for a new record
	 * @param actor the name of whoever took the step
	 * @param today today's date
	 */
	void stepTaken(DecisionRecord record, DecisionStatus was, String actor, LocalDate today) {
		DecisionView view = record.toView(null, java.util.List.of());
		DecisionStatus now = record.status();
		String about = "decision:" + record.reference();
		if (was != null && was != now) {
			this.events.publishEvent(new NoticeSettled(about, why(was, now)));
		}
		Map<String, String> names = this.people.names();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("reference", record.reference());
		values.put("title", view.draft().title());
		values.put("drafter", People.nameOf(names, view.createdBy()));
		String round = ":r" + record.timesSentBack();
		String link = "/decisions/" + record.reference();
		switch (now) {
			case DRAFT -> {
				if (was != null && was != DecisionStatus.DRAFT) {
					values.put("sender", actor);
					values.put("date", Dates.day(today));
					values.put("reason", view.sentBackReason());
					tell("decision-sent-back", record.reference() + round, about, values, link,
							Audience.users(view.createdBy()));
				}
				else if (was == null || view.sentBackReason() != null) {
					tell("decision-awaiting-finance", record.reference() + round, about, values, link,
							Audience.roles(Role.FINANCE));
				}
			}
			case CONSULTED -> {
				values.put("date", Dates.day(view.consulted().on()));
				tell("decision-awaiting-monitoring-officer", record.reference() + round, about, values, link,
						Audience.roles(Role.MONITORING_OFFICER));
			}
			case PUBLICATION_DECIDED -> {
				values.put("date", Dates.day(view.publication().on()));
				tell("decision-awaiting-commissioner", record.reference() + round, about, values, link,
						Audience.roles(Role.COMMISSIONER));
			}
			case DECIDED -> {
				values.put("commissioner", People.nameOf(names, view.decision().by()));
				values.put("date", Dates.day(view.decision().on()));
				values.put("outcome", view.decision().supported() ? "Supported" : "Not supported");
				tell("decision-decided", record.reference(), about, values, link, Audience.users(view.createdBy()));
			}
		}
	}

	private void tell(String template, String what, String about, Map<String, String> values, String link,
			Audience audience) {
		this.events.publishEvent(new Notice(template + ":" + what, about, template, values, link, audience));
	}

	private static String why(DecisionStatus was, DecisionStatus now) {
		if (now == DecisionStatus.DRAFT) {
			return "The record was sent back to its drafter";
		}
		return switch (was) {
			case DRAFT -> "Finance signed the record as consulted";
			case CONSULTED -> "The Monitoring Officer decided how the record is published";
			default -> "The Commissioner decided the record";
		};
	}

}
