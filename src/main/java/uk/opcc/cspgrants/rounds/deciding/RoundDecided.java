package uk.opcc.cspgrants.rounds.deciding;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.commissioning.DecidedLine;
import uk.opcc.cspgrants.commissioning.DecidedLines;
import uk.opcc.cspgrants.decision.DecisionDecided;
import uk.opcc.cspgrants.decision.DecisionSentBack;
import uk.opcc.cspgrants.grants.NewOrganisationGrant;
import uk.opcc.cspgrants.grants.OrganisationGrantManagement;
import uk.opcc.cspgrants.rounds.RoundOpening;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.rounds.applying.ApplicationOutcomes;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.panel.PanelPaper;
import uk.opcc.cspgrants.rounds.panel.PanelRecommendations;

/**
 * What a round's decision record does to it, in the record's own transaction. Supported:
 * each funded application's organisation is found in the register (by its register
 * number, else its name) or added to it; the application becomes a committed line of the
 * year's award schedule (replacing the line the schedule planned for it, if any) and a
 * grant paid for the project's period within the year; every applicant gets the outcome;
 * the round is decided. Once: a line's origin is in a schedule at most once, a line has
 * one grant, an application one award and one outcome, so seeing the decision twice makes
 * nothing more. Not supported, or sent back: the round is at the panel again, nothing
 * made.
 */
@Component
class RoundDecided {

	private final Rounds rounds;

	private final RoundOpening opening;

	private final PanelRecommendations recommendations;

	private final FundedOrganisations organisations;

	private final DecidedLines lines;

	private final OrganisationGrantManagement grants;

	private final ApplicationOutcomes outcomes;

	private final JdbcClient jdbc;

	private final Clock clock;

	RoundDecided(Rounds rounds, RoundOpening opening, PanelRecommendations recommendations,
			FundedOrganisations organisations, DecidedLines lines, OrganisationGrantManagement grants,
			ApplicationOutcomes outcomes, JdbcClient jdbc, Clock clock) {
		this.rounds = rounds;
		this.opening = opening;
		this.recommendations = recommendations;
		this.organisations = organisations;
		this.lines = lines;
		this.grants = grants;
		this.outcomes = outcomes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	public void onDecided(DecisionDecided decided) {
		if (!decided.decides(RoundAttachment.TYPE)) {
			return;
		}
		RoundView round = this.rounds.find(Long.parseLong(decided.attachmentRef())).orElseThrow();
		if (!decided.supported()) {
			this.opening.backToPanel(round.reference(), decided.reference(),
					"not supported by decision record " + decided.reference());
			return;
		}
		if (round.status() == RoundStatus.DECIDED) {
			return;
		}
		RoundAwards awards = RoundAwards.of(this.recommendations.paper(round));
		List<DecidedLine> decidedLines = awards.lines(this.organisations.foundOrAdded(awards));
		Map<String, Long> lineOf = this.lines.add(round.year(), decided.reference(), decidedLines);
		for (int i = 0; i < decidedLines.size(); i++) {
			DecidedLine line = decidedLines.get(i);
			ApplicationView application = awards.funded().get(i).application();
			long lineId = lineOf.get(line.originRef());
			long grantId = this.grants
				.create(new NewOrganisationGrant(line.organisationId(), line.partnershipId(), round.year(), lineId,
						line.initiative(), line.amount(), line.streamId(), line.themeId(), line.route().name(), false,
						decided.reference(),
						List.of(new NewOrganisationGrant.PlannedPayment(line.startsOn(), line.endsOn(),
								line.amount()))))
				.orElseGet(() -> this.jdbc.sql("select id from organisation_grant where award_line_id = ?")
					.param(lineId)
					.query(Long.class)
					.single());
			this.jdbc.sql("""
					insert into round_award (application_id, round_id, award_line_id, grant_id, decision_reference,
					  amount, created_at)
					values (?, ?, ?, ?, ?, ?, ?) on conflict (application_id) do nothing""")
				.params(application.id(), round.id(), lineId, grantId, decided.reference(), line.amount().amount(),
						Timestamp.from(this.clock.instant()))
				.update();
			this.outcomes.record(round, application.id(), line.amount(), decided.reference());
		}
		for (PanelPaper.Row row : awards.paper().rows()) {
			if (!awards.funded().contains(row)) {
				this.outcomes.record(round, row.application().id(), null, decided.reference());
			}
		}
		this.opening.decided(round.reference(), decided.reference());
	}

	@EventListener
	public void onSentBack(DecisionSentBack sentBack) {
		if (sentBack.attaches(RoundAttachment.TYPE)) {
			RoundView round = this.rounds.find(Long.parseLong(sentBack.attachmentRef())).orElseThrow();
			this.opening.backToPanel(round.reference(), sentBack.reference(),
					"decision record " + sentBack.reference() + " sent back");
		}
	}

}
