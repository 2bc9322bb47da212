package uk.opcc.cspgrants.rounds.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundOpening;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.applying.SubmittedApplications;
import uk.opcc.cspgrants.rounds.reviewing.RankedApplications;
import uk.opcc.cspgrants.rounds.reviewing.RoundAssessment;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The Review Panel's work on a round: taking an assessed round to the panel on the day it
 * meets, and recording the panel's recommendation on each eligible application, from the
 * version read, within the budget. The round's row is taken before a recommendation is
 * checked against the budget, so two recorded at once are added up one after the other
 * (the database adds them up again, {@code panel_recommendation_within_budget}).
 */
@Service
@Transactional
public class PanelRecommendations {

	private final PanelRecommendationRepository recommendations;

	private final PanelMembers members;

	private final RoundAssessment assessment;

	private final SubmittedApplications applications;

	private final RoundOpening opening;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	PanelRecommendations(PanelRecommendationRepository recommendations, PanelMembers members,
			RoundAssessment assessment, SubmittedApplications applications, RoundOpening opening, JdbcClient jdbc,
			AuditTrail auditTrail, Clock clock) {
		this.recommendations = recommendations;
		this.members = members;
		this.assessment = assessment;
		this.applications = applications;
		this.opening = opening;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	public RoundView round(String reference) {
		return this.applications.round(reference);
	}

	/** The panel's paper: the ranked applications with interests and recommendations. */
	@Transactional(readOnly = true)
	public PanelPaper paper(RoundView round) {
		RankedApplications ranked = this.assessment.ranked(round);
		Map<Long, RecommendationView> recorded = new LinkedHashMap<>();
		this.recommendations.findByRound(round.id())
			.forEach(one -> recorded.put(one.view().applicationId(), one.view()));
		return PanelPaper.of(round, this.members.of(round), ranked.ranking(), ranked.byReference(), recorded,
				this.members.interests(round));
	}

	/** One application before the panel, by its reference. */
	@Transactional(readOnly = true)
	public PanelPaper.Row row(RoundView round, String reference) {
		return paper(round).rows()
			.stream()
			.filter(row -> row.application().reference().equalsIgnoreCase(reference))
			.findFirst()
			.orElseThrow(() -> new uk.opcc.cspgrants.shared.NotFoundException(
					"There is no eligible application " + reference + " in " + round.reference()));
	}

	/** What the panel still needs before the round can go to it. */
	@Transactional(readOnly = true)
	public List<String> missingBeforePanel(RoundView round) {
		List<String> missing = new ArrayList<>();
		List<PanelMember> panel = this.members.of(round);
		if (panel.isEmpty()) {
			missing.add("add the panel's members");
		}
		if (panel.stream().noneMatch(PanelMember::chair)) {
			missing.add("say who chairs the panel");
		}
		return missing;
	}

	/**
	 * Takes the assessed round to the panel meeting on {@code meetsOn}, once for the
	 * version read.
	 */
	public RoundView takeToPanel(String reference, Long version, LocalDate meetsOn, CurrentUser officer) {
		return this.opening.takeToPanel(reference, version, meetsOn, this::missingBeforePanel, officer);
	}

	/**
	 * Records the panel's recommendation on an eligible application while the round is at
	 * the panel, from the version read (none for the first).
	 */
	public RecommendationView record(String reference, String applicationReference, RecommendationForm form,
			CurrentUser officer) {
		RoundView round = lockedRound(reference);
		if (round.status() != RoundStatus.AT_PANEL) {
			throw new ConflictException(null, round.title() + " is " + round.status().label().toLowerCase()
					+ ": the panel's recommendations are recorded while it is at the panel");
		}
		PanelPaper paper = paper(round);
		PanelPaper.Row row = paper.rows()
			.stream()
			.filter(one -> one.application().reference().equalsIgnoreCase(applicationReference))
			.findFirst()
			.orElseThrow(() -> new uk.opcc.cspgrants.shared.NotFoundException(
					"There is no eligible application " + applicationReference + " in " + round.reference()));
		ApplicationView application = row.application();
		// what the other recommendations fund, read before this one changes (a read after
		// a change would write the change first)
		Money others = paper.rows()
			.stream()
			.filter(other -> other.recommendation() != null && other.application().id() != application.id())
			.map(other -> other.recommendation().funded())
			.reduce(Money.ZERO, Money::plus);
		RecommendationView before = row.recommendation();
		if (before != null && !Long.valueOf(before.version()).equals(form.version())) {
			throw new ConflictException(null,
					"The recommendation on " + application.reference() + " was recorded by " + before.recordedBy()
							+ " on " + Dates.dayAndTime(before.recordedAt()) + ", after you opened the page. Check "
							+ "it as it is now; what you chose is kept below");
		}
		PanelRecommendation recommendation = this.recommendations.findById(application.id())
			.orElseGet(() -> new PanelRecommendation(application.id(), round.id()));
		recommendation.record(form, application.amountRequested(), this.clock.instant(), officer.displayName());
		Money left = round.budget().minus(others);
		if (recommendation.view().funded().isGreaterThan(left)) {
			throw new ValidationException(form.chosenOutcome() == Outcome.FUND_IN_PART ? "amount" : "outcome",
					"The panel's recommendations would come to more than the budget of " + round.budget().format()
							+ ": " + left.format() + " of it is not yet recommended");
		}
		RecommendationView after = DatabaseRefusal
			.orConflict(() -> this.recommendations.saveAndFlush(recommendation),
					Map.of("panel_recommendation_within_budget",
							"The panel's recommendations would come to more than the budget of "
									+ round.budget().format(),
							"panel_recommendation_at_panel", round.title() + " is no longer at the panel",
							"panel_recommendation_pkey",
							"The recommendation on " + application.reference()
									+ " was recorded by someone else at the same moment: check it as it is now"))
			.view();
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("round", round.reference());
		now.put("application", application.reference());
		now.put("outcome", after.outcome().label());
		now.put("amount", after.funded().format());
		this.auditTrail.record("RECOMMEND", "Application", application.id(), (before == null) ? null
				: Map.of("outcome", before.outcome().label(), "amount", before.funded().format()), now);
		return after;
	}

	private RoundView lockedRound(String reference) {
		RoundView round = round(reference);
		this.jdbc.sql("select id from grant_round where id = ? for update")
			.param(round.id())
			.query(Long.class)
			.single();
		return round(reference);
	}

}
