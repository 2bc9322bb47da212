package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.shared.Money;

/**
 * The decision record drafted from a year's award schedule, in the layout of EXE 0025/13
 * ("Police and Crime Commissioner Partner Funding"): the summary of issue with the six
 * purchasing routes and the funding streams with their amounts and total, the
 * recommendations, and what a Supported decision does; the schedule itself is attached as
 * a table. The officer can change the words afterwards on the record's page.
 */
final class ScheduleDecisionText {

	static final String TITLE = "Police and Crime Commissioner Partner Funding";

	private ScheduleDecisionText() {
	}

	static DecisionDraft draft(ScheduleView schedule, List<FundingStreamView> streams, LocalDate date) {
		return new DecisionDraft(TITLE + " " + schedule.year(), date, null, summary(schedule, streams),
				recommendations(schedule, streams), null, financialImplications(schedule), null, null, null);
	}

	static String summary(ScheduleView schedule, List<FundingStreamView> streams) {
		StringBuilder text = new StringBuilder();
		text.append("For ")
			.append(schedule.year())
			.append(" the Police and Crime Commissioner's commissioning budget is ")
			.append(total(streams).format())
			.append(", to fund initiatives that contribute to the themes and strategic objectives of the Police and "
					+ "Crime Plan.\n\n");
		text.append("The following purchasing systems were established within the Commissioning Intentions, "
				+ "which aim to deliver outcomes that support the themes and objectives within the Police and Crime "
				+ "Plan:\n\n");
		int n = 1;
		for (PurchasingRoute route : PurchasingRoute.values()) {
			text.append("- ").append(n++).append(". ").append(route.label()).append('\n');
		}
		text.append("\nAs a result of the above purchasing systems, the attached schedule shows the proposed "
				+ "allocations for the funding through each process and how they link to the themes within the Police "
				+ "and Crime Plan.\n\n");
		text.append("The funding of the proposals within the attached schedule is as follows:\n\n");
		for (FundingStreamView stream : streams) {
			text.append("- ")
				.append(stream.name())
				.append(" (")
				.append(stream.funder())
				.append("): ")
				.append(stream.amount().format())
				.append('\n');
		}
		text.append("\n**Total: ").append(total(streams).format()).append("**");
		return text.toString();
	}

	static String recommendations(ScheduleView schedule, List<FundingStreamView> streams) {
		List<String> lines = new ArrayList<>();
		lines.add("Approve the funding allocations and distributions set out in the attached award schedule "
				+ schedule.year() + ".");
		for (FundingStreamView stream : streams) {
			if (stream.kind() == StreamKind.RESERVE) {
				lines.add("Approve the use of the " + stream.name()
						+ " to support the commissioning intentions and the Police and Crime Plan.");
			}
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			text.append((i > 0) ? "\n" : "").append("- ").append(i + 1).append(". ").append(lines.get(i));
		}
		return text.toString();
	}

	static String financialImplications(ScheduleView schedule) {
		Committed committed = Committed.of(schedule);
		StringBuilder text = new StringBuilder();
		text.append("The schedule commits ")
			.append(committed.total().format())
			.append(" in ")
			.append(committed.lines())
			.append((committed.lines() == 1) ? " line" : " lines")
			.append(" to ")
			.append(committed.recipients())
			.append((committed.recipients() == 1) ? " recipient" : " recipients")
			.append(". If the decision is Supported, each committed line becomes a grant to its recipient, "
					+ "paid in the periods shown (support given in kind is not paid).");
		if (!committed.later().isZero()) {
			text.append("\n\nIndicative lines and new funding streams, ")
				.append(committed.later().format())
				.append(", need a later decision and make no grant now.");
		}
		return text.toString();
	}

	private static Money total(List<FundingStreamView> streams) {
		return streams.stream().map(FundingStreamView::amount).reduce(Money.ZERO, Money::plus);
	}

	/**
	 * What a Supported decision of the schedule makes: a grant for each committed,
	 * counted line with something to give.
	 *
	 * @param lines how many grants
	 * @param recipients to how many recipients
	 * @param total their total
	 * @param later what indicative lines and new funding streams hold, for a later
	 * decision
	 */
	record Committed(int lines, int recipients, Money total, Money later) {

		static Committed of(ScheduleView schedule) {
			int count = 0;
			Set<Long> recipients = new LinkedHashSet<>();
			Money total = Money.ZERO;
			Money later = Money.ZERO;
			for (AwardLineView line : schedule.lines()) {
				if (!line.counted()) {
					continue;
				}
				if (makesGrant(line)) {
					count++;
					recipients.add(line.organisationId());
					total = total.plus(line.total());
				}
				else if (line.status() != LineStatus.COMMITTED) {
					later = later.plus(line.total());
				}
			}
			return new Committed(count, recipients.size(), total, later);
		}

		/** A committed, counted line with something to give becomes a grant. */
		static boolean makesGrant(AwardLineView line) {
			return line.counted() && line.decidedBy() == null && line.status() == LineStatus.COMMITTED
					&& line.total().isGreaterThan(Money.ZERO);
		}

	}

}
