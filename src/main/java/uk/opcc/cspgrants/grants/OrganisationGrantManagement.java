package uk.opcc.cspgrants.grants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;

/**
 * Grants to organisations: made once from a committed award line when its schedule is
 * decided Supported (the line's grant is keyed by the line, so a second attempt makes
 * nothing), and their payments recorded paid by finance, once each.
 */
@Service
@Transactional
public class OrganisationGrantManagement {

	static final String AUDIT_TYPE = "OrganisationGrant";

	static final String PAYMENT_AUDIT_TYPE = "OrganisationGrantPayment";

	private static final Map<String, String> REFUSALS = Map.of("organisation_grant_once_per_line",
			"A grant has already been made from this award line", "organisation_grant_payment_within_grant",
			"The payments would add up to more than the grant", "organisation_grant_payment_paid_once",
			"This payment has already been recorded paid");

	private final OrganisationGrantRepository store;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	OrganisationGrantManagement(OrganisationGrantRepository store, JdbcClient jdbc, AuditTrail auditTrail,
			Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Makes the grant of a decided award line, once: empty when the line already has its
	 * grant (the decision was seen twice), else the new grant's id. Refused (400) when
	 * its payments do not make up its amount.
	 */
	public Optional<Long> create(NewOrganisationGrant command) {
		if (this.store.existsByAwardLineId(command.awardLineId())) {
			return Optional.empty();
		}
		OrganisationGrant grant = OrganisationGrant.of(command, this.clock.instant());
		OrganisationGrant saved = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(grant), REFUSALS);
		this.auditTrail.record("CREATE", AUDIT_TYPE, String.valueOf(saved.id()), null, saved.snapshot());
		return Optional.of(saved.id());
	}

	/**
	 * Finance records a payment paid, once, against the version read: 409 naming who
	 * recorded it when it already was, 400 for a date or reference that will not do.
	 */
	public OrganisationGrantView.Payment recordPayment(long paymentId, Long version, LocalDate paidOn, String reference,
			CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance records payments");
		}
		long grantId = this.jdbc.sql("select grant_id from organisation_grant_payment where id = ?")
			.param(paymentId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no payment " + paymentId));
		OrganisationGrant grant = this.store.findById(grantId).orElseThrow();
		OrganisationGrantPayment payment = grant.recordPaid(paymentId, version, paidOn, reference, user.displayName(),
				this.clock.instant(), LocalDate.ofInstant(this.clock.instant(), Dates.UK));
		try {
			this.store.saveAndFlush(grant);
		}
		catch (OptimisticLockingFailureException stale) {
			// recorded by someone else at this very moment: say by whom
			throw paidMeanwhile(paymentId);
		}
		catch (org.springframework.dao.DataIntegrityViolationException refused) {
			throw DatabaseRefusal.asConflict(refused, REFUSALS);
		}
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("grant", grantId);
		before.put("amount", payment.amount().amount());
		before.put("paidOn", null);
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("paidOn", payment.paidOn().toString());
		after.put("reference", payment.reference());
		this.auditTrail.record("PAY", PAYMENT_AUDIT_TYPE, String.valueOf(paymentId), before, after);
		return payment.toView();
	}

	private ConflictException paidMeanwhile(long paymentId) {
		return this.jdbc
			.sql("select paid_on, recorded_by, reference from organisation_grant_payment where id = ? "
					+ "and paid_on is not null")
			.param(paymentId)
			.query((rs, row) -> new ConflictException(null,
					"This payment was already recorded paid on " + Dates.day(rs.getDate(1).toLocalDate()) + " by "
							+ rs.getString(2) + ", reference " + rs.getString(3)))
			.optional()
			.orElseGet(ConflictException::changedBySomeoneElse);
	}

}
