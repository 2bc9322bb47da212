package uk.opcc.cspgrants.rounds.deciding;

import java.time.LocalDate;
import java.util.stream.Collectors;

import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Money;

/**
 * The decision record drafted from a round at the panel, in the words of the PCC Grant
 * part of EXE 0025/13 with the round's own figures: how many applied and were eligible,
 * the themed reviewers and the conflicts they declared, who sat on the Review Panel; the
 * recommendation to approve the table attached; and what a Supported decision does. The
 * officer can change the words afterwards on the record's page. Plain Java.
 */
final class RoundDecisionText {

	private RoundDecisionText() {
	}

	/**
	 * How the round went, counted from the database.
	 *
	 * @param received the applications submitted
	 * @param eligible those found eligible
	 * @param reviewers the themed reviewers who submitted scores
	 * @param conflicts the conflicts of interest they declared
	 */
	record Counts(int received, int eligible, int reviewers, int conflicts) {
	}

	static DecisionDraft draft(RoundAwards awards, Counts counts, LocalDate date) {
		return new DecisionDraft(awards.round().title() + ": awards", date, null, summary(awards, counts),
				recommendations(awards), null, financialImplications(awards), null, null, null);
	}

	static String summary(RoundAwards awards, Counts counts) {
		if (awards.round().forBusinessCases()) {
			return businessCases(awards, counts);
		}
		RoundView round = awards.round();
		StringBuilder text = new StringBuilder();
		text.append(round.title())
			.append(" (")
			.append(round.reference())
			.append(") was open to applications")
			.append(window(round))
			.append(". Submissions via application were invited from all interested parties and in total ")
			.append(applications(counts.received()))
			.append(" received, of which ")
			.append(counts.eligible())
			.append((counts.eligible() == 1) ? " was" : " were")
			.append(" found eligible.\n\n");
		text.append("In order to engage partners in the funding process and to instil a degree of independence "
				+ "into the decision making process the following process was adopted:\n\n");
		text.append("- ")
			.append(counts.reviewers())
			.append((counts.reviewers() == 1) ? " person" : " people")
			.append(" with expertise covering the Police and Crime Plan themes assessed the applications (scored the "
					+ "responses), each application by at least ")
			.append(round.minReviewers())
			.append(". These were known as the \"Themed Reviewers\". They declared ")
			.append((counts.conflicts() == 0) ? "no conflicts of interest"
					: counts.conflicts() + ((counts.conflicts() == 1) ? " conflict" : " conflicts")
							+ " of interest, and those applications were reviewed by others")
			.append(".\n");
		text.append("- A \"Review Panel\" was established whose membership consisted of ")
			.append(members(awards))
			.append(". The remit of the Panel was to make recommendations to the Police and Crime Commissioner on "
					+ "which proposals to fund, on the basis of the scores and comments of the \"Themed Reviewers\"");
		if (round.progress().panelMeetsOn() != null) {
			text.append("; it met on ").append(Dates.day(round.progress().panelMeetsOn()));
		}
		text.append(".\n");
		text.append("- The recommendations of the \"Review Panel\" are presented to the Police and Crime "
				+ "Commissioner for approval.");
		return text.toString();
	}

	/**
	 * The words of EXE 0025/13's Community Safety Fund part: the CSPs submitted business
	 * cases, which the senior officer group assessed independently; summaries and
	 * recommendations go to the Commissioner.
	 */
	private static String businessCases(RoundAwards awards, Counts counts) {
		RoundView round = awards.round();
		long partnerships = awards.paper()
			.rows()
			.stream()
			.map(row -> row.application().partnershipId())
			.filter(java.util.Objects::nonNull)
			.distinct()
			.count();
		StringBuilder text = new StringBuilder();
		text.append("The Community Safety Partnerships (CSP) were requested to submit business cases to the Office of "
				+ "the Police and Crime Commissioner for ")
			.append(round.title())
			.append(" (")
			.append(round.reference())
			.append("),")
			.append(window(round))
			.append(". In total ")
			.append(counts.received())
			.append((counts.received() == 1) ? " business case was" : " business cases were")
			.append(" received, of which ")
			.append(counts.eligible())
			.append((counts.eligible() == 1) ? " was" : " were")
			.append(" found eligible, from ")
			.append(partnerships)
			.append((partnerships == 1) ? " partnership" : " partnerships")
			.append(".\n\n");
		text.append("- The business cases were forwarded to the Senior Officer Group to enable an independent "
				+ "assessment: ")
			.append(counts.reviewers())
			.append((counts.reviewers() == 1) ? " assessor" : " assessors")
			.append(" scored them, each business case by at least ")
			.append(round.minReviewers())
			.append(". They declared ")
			.append((counts.conflicts() == 0) ? "no conflicts of interest"
					: counts.conflicts() + ((counts.conflicts() == 1) ? " conflict" : " conflicts")
							+ " of interest, and those business cases were assessed by others")
			.append(".\n");
		text.append("- The panel, whose membership consisted of ")
			.append(members(awards))
			.append(", made recommendations on the basis of the assessments");
		if (round.progress().panelMeetsOn() != null) {
			text.append("; it met on ").append(Dates.day(round.progress().panelMeetsOn()));
		}
		text.append(".\n");
		text.append("- Summaries of the business cases and recommendations are presented to the Police and Crime "
				+ "Commissioner for approval; each award is paid to the partnership's lead authority.");
		return text.toString();
	}

	static String recommendations(RoundAwards awards) {
		int funded = awards.funded().size();
		String what = awards.round().forBusinessCases() ? ((funded == 1) ? " business case" : " business cases")
				: ((funded == 1) ? " application" : " applications");
		return "- 1. Approve the funding of " + funded + what + " from " + awards.round().title() + ", totalling "
				+ awards.total().format() + " from the " + awards.round().streamName()
				+ " funding stream, as set out in Table 1 (attached).";
	}

	static String financialImplications(RoundAwards awards) {
		RoundView round = awards.round();
		Money left = round.budget().minus(awards.total());
		int funded = awards.funded().size();
		return "The round's budget is " + round.budget().format() + ". The Review Panel recommends funding " + funded
				+ " of the " + awards.paper().rows().size() + " eligible applications, totalling "
				+ awards.total().format() + ", which leaves " + left.format() + ".\n\n"
				+ "If the decision is Supported, each funded application becomes a committed line of the award "
				+ "schedule " + round.year() + " and a grant to its organisation, paid for the period of the project "
				+ "within the year; every applicant is told the outcome, with the panel's feedback.";
	}

	/** When the round took applications, for what awards, from what budget. */
	private static String window(RoundView round) {
		return " from " + Dates.dayAndTime(round.opensAt()) + " to " + Dates.dayAndTime(round.closesAt())
				+ ", for awards of " + round.minAward().format() + " to " + round.maxAward().format()
				+ " from a budget of " + round.budget().format();
	}

	private static String members(RoundAwards awards) {
		return awards.paper()
			.members()
			.stream()
			.map(member -> member.name() + " (" + member.organisation() + ")" + (member.chair() ? ", chair" : ""))
			.collect(Collectors.joining("; "));
	}

	private static String applications(int count) {
		return count + ((count == 1) ? " application was" : " applications were");
	}

}
