package uk.opcc.cspgrants.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.SeparationOfDuties;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * Decision records on the home page: finance, the Monitoring Officer and the Commissioner
 * see the records waiting for their step (as "Waiting for you" on the decision records
 * page, nobody signing twice); an officer their own drafts.
 */
@Component
class DecisionWork implements WorkSource {

	private final DecisionManagement decisions;

	DecisionWork(DecisionManagement decisions) {
		this.decisions = decisions;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		List<WorkItem> items = new ArrayList<>();
		if (user.hasAny(Role.FINANCE, Role.MONITORING_OFFICER, Role.COMMISSIONER)) {
			List<DecisionView> pending = this.decisions.pendingFor(user);
			waiting(items, 120, pending, DecisionStatus.DRAFT, "waiting for you to sign them as consulted",
					"waiting for you to sign it as consulted");
			waiting(items, 130, pending, DecisionStatus.CONSULTED, "waiting for your publication decision",
					"waiting for your publication decision");
			waiting(items, 140, pending, DecisionStatus.PUBLICATION_DECIDED, "waiting for your decision",
					"waiting for your decision");
		}
		if (user.hasAny(Role.ADMIN, Role.OFFICER)) {
			List<WorkItem.Link> drafts = this.decisions.list()
				.stream()
				.filter(record -> record.status() == DecisionStatus.DRAFT)
				.filter(record -> SeparationOfDuties.samePerson(record.createdBy(), user.getUsername()))
				.map(DecisionWork::link)
				.toList();
			if (!drafts.isEmpty()) {
				items.add(WorkItem.info(520, WorkItem.DRAFTS,
						WorkItem.count(drafts.size(), "draft decision record", "draft decision records")
								+ " not yet signed as consulted",
						"/decisions", drafts));
			}
		}
		return items;
	}

	private static void waiting(List<WorkItem> items, int order, List<DecisionView> pending, DecisionStatus status,
			String several, String one) {
		List<WorkItem.Link> links = pending.stream()
			.filter(record -> record.status() == status)
			.map(DecisionWork::link)
			.toList();
		if (!links.isEmpty()) {
			items.add(WorkItem.waiting(order,
					WorkItem.count(links.size(), "decision record", "decision records") + " "
							+ ((links.size() == 1) ? one : several),
					(links.size() == 1) ? links.get(0).href() : "/decisions", links));
		}
	}

	private static WorkItem.Link link(DecisionView record) {
		return new WorkItem.Link(record.reference() + ": " + record.draft().title(),
				"/decisions/" + record.reference());
	}

}
