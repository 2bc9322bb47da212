package uk.opcc.cspgrants.rounds.deciding;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.commissioning.DecidedLines;
import uk.opcc.cspgrants.decision.AttachedTable;
import uk.opcc.cspgrants.decision.DecisionAttachment;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.rounds.panel.PanelRecommendations;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * A grant round attached to its decision record (attachment reference: the round's id):
 * the panel's recommendations as the record's table, whether the record may take its next
 * sign-off (the round is still in it, and the year's schedule still has room for its
 * awards), and what a Supported decision makes.
 */
@Component
class RoundAttachment implements DecisionAttachment {

	static final String TYPE = "GRANT_ROUND";

	private final Rounds rounds;

	private final PanelRecommendations recommendations;

	private final DecidedLines lines;

	private final FundedOrganisations organisations;

	private final JdbcClient jdbc;

	RoundAttachment(Rounds rounds, PanelRecommendations recommendations, DecidedLines lines,
			FundedOrganisations organisations, JdbcClient jdbc) {
		this.organisations = organisations;
		this.rounds = rounds;
		this.recommendations = recommendations;
		this.lines = lines;
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String describe(String attachmentRef) {
		RoundView round = round(attachmentRef);
		return "the grant round " + round.title() + " (" + round.reference() + ")";
	}

	@Override
	public List<AttachedTable> tables(String attachmentRef) {
		return List.of(awards(round(attachmentRef)).table());
	}

	@Override
	public String notReady(String attachmentRef, String recordReference) {
		RoundView round = round(attachmentRef);
		if (round.status() != RoundStatus.IN_DECISION
				|| !recordReference.equals(round.progress().decisionReference())) {
			return "The grant round " + round.reference() + " is not in " + recordReference + ": it is "
					+ round.status().label().toLowerCase(java.util.Locale.UK)
					+ ". Put it to a decision again from the round's panel page before the record is signed";
		}
		RoundAwards awards = awards(round);
		return this.lines.refusal(round.year(), awards.lines(this.organisations.known(awards)));
	}

	@Override
	public String whenSupported(String attachmentRef, String recordReference, boolean decided) {
		RoundView round = round(attachmentRef);
		if (decided) {
			record Made(int count, Money total) {
			}
			Made made = this.jdbc
				.sql("select count(*), coalesce(sum(amount), 0) from round_award where round_id = ? "
						+ "and decision_reference = ?")
				.params(round.id(), recordReference)
				.query((rs, row) -> new Made(rs.getInt(1), Money.of(rs.getBigDecimal(2))))
				.single();
			return made.count() + ((made.count() == 1) ? " grant" : " grants") + " totalling " + made.total().format()
					+ " " + ((made.count() == 1) ? "was" : "were") + " made from the grant round " + round.title()
					+ ", each a line of the award schedule " + round.year() + "; every applicant was told the outcome.";
		}
		RoundAwards awards = awards(round);
		int count = awards.funded().size();
		return "Supported makes " + count + ((count == 1) ? " grant" : " grants") + " totalling "
				+ awards.total().format() + " from the grant round " + round.title()
				+ ", each added to the award schedule " + round.year()
				+ " as a committed line; every applicant is told the outcome, with the Review Panel's feedback.";
	}

	private RoundAwards awards(RoundView round) {
		return RoundAwards.of(this.recommendations.paper(round));
	}

	private RoundView round(String attachmentRef) {
		return this.rounds.find(Long.parseLong(attachmentRef))
			.orElseThrow(() -> new NotFoundException("There is no grant round " + attachmentRef));
	}

}
