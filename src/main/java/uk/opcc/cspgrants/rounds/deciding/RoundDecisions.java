package uk.opcc.cspgrants.rounds.deciding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.commissioning.DecidedLines;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.rounds.RoundOpening;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.rounds.panel.PanelRecommendations;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;

/**
 * Puts a round at the panel to the Commissioner: drafts its decision record from the
 * panel's recommendations (or finds the one it was sent back in) and puts the round in
 * it, in one transaction and exactly once: the round's row is held, and it must still be
 * at the panel at the version the officer checked, with every recommendation recorded,
 * the awards within the budget and room for them in the year's award schedule.
 */
@Service
@Transactional
public class RoundDecisions {

	private final Rounds rounds;

	private final RoundOpening opening;

	private final PanelRecommendations recommendations;

	private final DecisionManagement decisions;

	private final DecidedLines lines;

	private final FundedOrganisations organisations;

	private final JdbcClient jdbc;

	private final Clock clock;

	RoundDecisions(Rounds rounds, RoundOpening opening, PanelRecommendations recommendations,
			DecisionManagement decisions, DecidedLines lines, FundedOrganisations organisations, JdbcClient jdbc,
			Clock clock) {
		this.organisations = organisations;
		this.rounds = rounds;
		this.opening = opening;
		this.recommendations = recommendations;
		this.decisions = decisions;
		this.lines = lines;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The record the round would be drafted as, and what stops it, for the check page.
	 */
	@Transactional(readOnly = true)
	public RoundDecisionProposal proposal(String reference) {
		RoundView round = round(reference);
		RoundAwards awards = awards(round);
		return new RoundDecisionProposal(round, awards.funded().size(), awards.total(),
				RoundDecisionText.draft(awards, counts(round), today()), awards.table(), missing(awards),
				sentBackRecord(round));
	}

	/**
	 * Drafts the round's decision record (or finds the one it was sent back in) and puts
	 * the round in it: 409 naming the record when the round is already in one or decided,
	 * or when it changed since {@code version} was read; 400 saying what is missing.
	 */
	public DecisionView draft(String reference, Long version, CurrentUser user) {
		return draft(reference, version, today(), user);
	}

	/** As {@link #draft(String, Long, CurrentUser)}, dated {@code decisionDate}. */
	public DecisionView draft(String reference, Long version, LocalDate decisionDate, CurrentUser user) {
		if (!user.hasAny(Role.OFFICER, Role.ADMIN)) {
			throw new AccessDeniedException("Only an officer puts a grant round to a decision");
		}
		// one at a time: the round's row is held until this transaction ends
		Map<String, Object> locked = this.jdbc
			.sql("select id, status, decision_reference from grant_round where lower(reference) = lower(?) for update")
			.param(reference)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no grant round " + reference));
		RoundStatus status = RoundStatus.valueOf((String) locked.get("status"));
		if (status == RoundStatus.IN_DECISION || status == RoundStatus.DECIDED) {
			throw new ConflictException(null, reference + " is already " + status.label().toLowerCase(Locale.UK) + " "
					+ locked.get("decision_reference") + ": it cannot be put to a decision again");
		}
		RoundView round = round(reference);
		RoundAwards awards = awards(round);
		List<String> missing = missing(awards);
		String sentBack = sentBackRecord(round);
		// the round's own checks (its step, its version) come before the record is
		// drafted
		this.opening.mayPutInDecision(round.reference(), version, missing);
		DecisionView record = (sentBack != null) ? this.decisions.get(sentBack)
				: this.decisions.draftWithAttachment(RoundDecisionText.draft(awards, counts(round), decisionDate),
						RoundAttachment.TYPE, String.valueOf(round.id()), user);
		this.opening.putInDecision(round.reference(), version, record.reference(), (view) -> missing, user);
		return record;
	}

	RoundAwards awards(RoundView round) {
		return RoundAwards.of(this.recommendations.paper(round));
	}

	/**
	 * What stops the round going to a decision: its recommendations, then the schedule's
	 * room.
	 */
	List<String> missing(RoundAwards awards) {
		List<String> missing = new ArrayList<>(awards.missing());
		if (missing.isEmpty()) {
			String refusal = this.lines.refusal(awards.round().year(), awards.lines(this.organisations.known(awards)));
			if (refusal != null) {
				missing.add(refusal);
			}
		}
		return missing;
	}

	RoundDecisionText.Counts counts(RoundView round) {
		return this.jdbc.sql("""
				select (select count(*) from application where round_id = :round and submitted_at is not null),
				  (select count(*) from application where round_id = :round
				    and status in ('ELIGIBLE', 'AWARDED', 'NOT_AWARDED')),
				  (select count(distinct reviewer_id) from review_assignment where round_id = :round
				    and status = 'SUBMITTED'),
				  (select count(*) from review_assignment where round_id = :round and status = 'CONFLICTED')""")
			.param("round", round.id())
			.query((rs, row) -> new RoundDecisionText.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
	}

	/** The draft record the round was in before it was sent back, if any. */
	private String sentBackRecord(RoundView round) {
		return this.decisions.openRecordWith(RoundAttachment.TYPE, String.valueOf(round.id()))
			.filter((reference) -> round.status() == RoundStatus.AT_PANEL)
			.orElse(null);
	}

	private RoundView round(String reference) {
		return this.rounds.find(reference)
			.orElseThrow(() -> new NotFoundException("There is no grant round " + reference));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), Dates.UK);
	}

}
