package uk.opcc.cspgrants.rounds.applying;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * What the round's decision record, decided Supported, means for each eligible
 * application: awarded (with the amount) or not awarded. Each applicant is told once,
 * with a link to the outcome and the panel's feedback on their application's page. Runs
 * in the decision's transaction; the database lets an application take its outcome only
 * while its round is in the record.
 */
@Service
@Transactional
public class ApplicationOutcomes {

	private final ApplicationRepository repository;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ApplicationOutcomes(ApplicationRepository repository, AuditTrail auditTrail, ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the applicant is told of a decided application: the amount awarded (none when
	 * not awarded), the Review Panel's feedback and the record that decided it.
	 *
	 * @param awarded the amount awarded, or {@code null}
	 * @param feedback the panel's feedback to the applicant
	 * @param decisionReference the decision record
	 */
	public record Told(Money awarded, String feedback, String decisionReference) {
	}

	/** The outcome of an application once its round is decided; empty before. */
	@Transactional(readOnly = true)
	public Optional<Told> told(ApplicationView application) {
		if (application.status() != ApplicationStatus.AWARDED
				&& application.status() != ApplicationStatus.NOT_AWARDED) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select a.amount, p.feedback, r.decision_reference from panel_recommendation p
				  join grant_round r on r.id = p.round_id
				  left join round_award a on a.application_id = p.application_id
				where p.application_id = ? and r.status = 'DECIDED'""")
			.param(application.id())
			.query((rs, row) -> new Told((rs.getBigDecimal(1) != null) ? Money.of(rs.getBigDecimal(1)) : null,
					rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * Records the application's outcome; false when it already had it (a decision seen
	 * twice tells nobody twice).
	 * @param round the round
	 * @param applicationId the application
	 * @param awarded the amount awarded, or {@code null} when it is not awarded
	 * @param decisionReference the record that decided it
	 */
	public boolean record(RoundView round, long applicationId, Money awarded, String decisionReference) {
		Application application = this.repository.findById(applicationId)
			.orElseThrow(() -> new NotFoundException("There is no application " + applicationId));
		ApplicationView before = application.view();
		if (!application.decideOutcome(awarded != null, this.clock.instant())) {
			return false;
		}
		ApplicationView after = DatabaseRefusal
			.orConflict(() -> this.repository.saveAndFlush(application),
					Map.of("application_outcome_by_decision",
							round.title() + " is not in a decision record: its applications' outcomes are not decided",
							"application_moves", "Application " + before.reference() + " cannot take an outcome now"))
			.view();
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("reference", after.reference());
		now.put("status", after.status().label());
		now.put("decision", decisionReference);
		if (awarded != null) {
			now.put("amount", awarded.format());
		}
		this.auditTrail.record("OUTCOME", ApplicationManagement.AUDIT_TYPE, after.id(),
				Map.of("status", before.status().label()), now);
		String template = (awarded != null) ? "application-awarded" : "application-not-awarded";
		this.events.publishEvent(new Notice("round-outcome:" + after.id(), null, template,
				Map.of("reference", after.reference(), "round", round.title(), "project", after.name(), "amount",
						(awarded != null) ? awarded.format() : ""),
				"/apply/applications/" + after.id(), Audience.users(this.repository.usernameOf(after.id()))));
		return true;
	}

}
