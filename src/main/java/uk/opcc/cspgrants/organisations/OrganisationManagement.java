package uk.opcc.cspgrants.organisations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Adds and changes organisations, and says which Community Safety Partnerships each is
 * the lead authority of. Every change is audited with the values before and after.
 * <p>
 * One organisation is recorded once: its identifier (made from its register numbers by
 * {@link OrganisationIdentifier}) is unique in the table, so a second with the same
 * charity, company or local authority number is refused on that field, naming the one
 * already recorded, even when both are added at the same moment. A name spelled like one
 * already recorded ({@link OrganisationNames#key}) is a warning, not a refusal: the
 * officer says whether it is the same organisation ({@link SimilarNameException}).
 * <p>
 * Adding and changing run in a transaction of their own, so that a clash with an
 * organisation someone else has just saved can be answered with that organisation's name,
 * read after the refused change has been rolled back.
 */
@Service
public class OrganisationManagement {

	static final String AUDIT_TYPE = "Organisation";

	private static final String COLUMNS = "o.id, o.name, o.type, o.identifier, o.charity_number, o.company_number, "
			+ "o.address, o.postcode, o.contact_name, o.contact_email, o.contact_phone, o.version";

	private final OrganisationRepository organisations;

	private final OrganisationDirectory directory;

	private final PartnershipManagement partnerships;

	private final AuditTrail auditTrail;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final String prefix;

	OrganisationManagement(OrganisationRepository organisations, OrganisationDirectory directory,
			PartnershipManagement partnerships, AuditTrail auditTrail, JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${csp-grants.open-data.prefix:opcc-leics}") String prefix) {
		this.organisations = organisations;
		this.directory = directory;
		this.partnerships = partnerships;
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transaction = DataVersions.transactionOf(transactions, OrganisationManagement.class, "change");
		this.prefix = prefix;
	}

	/**
	 * The organisation an import names: the one whose name is spelled the same way
	 * ({@link OrganisationNames#key}: case, spaces, punctuation, "Ltd", "The" aside) if
	 * there is one, the first recorded if several are; otherwise a new one of the given
	 * type with the OPCC's own 360G- identifier, audited as made by whoever is signed in.
	 * Runs in the caller's transaction and never leaves it failed: two imports naming the
	 * same new organisation at once make one organisation, which both are given.
	 */
	@Transactional
	public OrganisationView findOrCreateByName(String name, OrganisationType type, CurrentUser user) {
		if (user != null && !user.hasAny(Role.ADMIN, Role.OFFICER)) {
			throw new AccessDeniedException("Only administrators and OPCC officers add organisations");
		}
		OrganisationDetails details = OrganisationDetails.named(name, type).checked();
		Optional<OrganisationView> existing = firstCalled(details.name());
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = now();
		for (int number = 1; number < 100; number++) {
			String identifier = OrganisationIdentifier.opcc(this.prefix, details.name(), number);
			Optional<Long> made = this.jdbc
				.sql("insert into organisation (name, type, identifier, created_at, updated_at) "
						+ "values (?, ?, ?, ?, ?) on conflict (identifier) do nothing returning id")
				.params(details.name(), details.type().name(), identifier, java.sql.Timestamp.from(now),
						java.sql.Timestamp.from(now))
				.query(Long.class)
				.optional();
			if (made.isPresent()) {
				OrganisationRecord created = get(made.get());
				this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, audited(created));
				return created.view();
			}
			// Someone else holds the identifier: the same organisation made by another
			// import at this moment, or another whose long name makes the same slug.
			Optional<OrganisationView> holder = this.directory.byIdentifier(identifier);
			if (holder.isPresent()
					&& OrganisationNames.key(holder.get().name()).equals(OrganisationNames.key(details.name()))) {
				return holder.get();
			}
		}
		throw new ConflictException("name", "There are too many organisations called " + details.name());
	}

	/**
	 * The organisation recorded for an applicant that gave these details, if there is
	 * one: the one with the identifier its register numbers make, else the first whose
	 * name is spelled the same way.
	 */
	@Transactional(readOnly = true)
	public Optional<OrganisationView> findFunded(OrganisationDetails details) {
		OrganisationDetails checked = details.checked();
		Optional<OrganisationView> registered = OrganisationIdentifier
			.registered(checked.type(), checked.charityNumber(), checked.companyNumber(), checked.localAuthorityCode())
			.flatMap(this.directory::byIdentifier);
		return registered.isPresent() ? registered : firstCalled(checked.name());
	}

	/**
	 * The organisation a decision funds, for an applicant that gave these details: the
	 * one {@link #findFunded} finds, else a new one with its numbers and contact (the
	 * OPCC's own identifier when no register identifies it). Runs in the caller's
	 * transaction (the decision's), as whoever is signed in; two decisions funding the
	 * same new organisation at once make one.
	 */
	@Transactional
	public OrganisationView findOrCreateFunded(OrganisationDetails details) {
		OrganisationDetails checked = details.checked();
		Optional<OrganisationView> found = findFunded(checked);
		if (found.isPresent()) {
			return found.get();
		}
		Optional<String> registered = OrganisationIdentifier.registered(checked.type(), checked.charityNumber(),
				checked.companyNumber(), checked.localAuthorityCode());
		if (registered.isEmpty()) {
			return findOrCreateByName(checked.name(), checked.type(), null);
		}
		Instant now = now();
		Optional<Long> made = this.jdbc.sql("""
				insert into organisation (name, type, charity_number, company_number, identifier, address,
				  contact_name, contact_email, contact_phone, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (identifier) do nothing returning id""")
			.params(checked.name(), checked.type().name(), checked.charityNumber(), checked.companyNumber(),
					registered.get(), checked.address(), checked.contactName(), checked.contactEmail(),
					checked.contactPhone(), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
			.query(Long.class)
			.optional();
		if (made.isEmpty()) {
			return this.directory.byIdentifier(registered.get()).orElseThrow();
		}
		OrganisationRecord created = get(made.get());
		this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, audited(created));
		return created.view();
	}

	/**
	 * Adds an organisation. Refused on its field when its register number is already
	 * recorded; refused with a {@link SimilarNameException} when its name is spelled like
	 * one already recorded, unless {@code despiteSimilarName}.
	 */
	public OrganisationRecord create(OrganisationDetails details, boolean despiteSimilarName) {
		OrganisationDetails checked = details.checked();
		AtomicReference<String> attempted = new AtomicReference<>();
		return written(checked, attempted, () -> this.transaction.execute((status) -> {
			if (!despiteSimilarName) {
				refuseSimilarNames(checked.name(), null);
			}
			String identifier = identifierFor(checked, null, despiteSimilarName);
			attempted.set(identifier);
			refuseTakenIdentifier(identifier, checked, null);
			Organisation made = this.organisations.saveAndFlush(new Organisation(checked, identifier, now()));
			OrganisationRecord created = made.toRecord(List.of());
			this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, audited(created));
			return created;
		}), null);
	}

	/**
	 * Changes an organisation. {@code expectedVersion} is the version the user read; if
	 * someone else saved since, nothing is saved and the conflict names who. A new name
	 * spelled like another organisation's is refused with a {@link SimilarNameException}
	 * unless {@code despiteSimilarName}. An OPCC identifier stays as it is when the name
	 * changes (an identifier, once published, does not move); a register number given or
	 * changed gives the register's identifier.
	 */
	public OrganisationRecord update(long id, OrganisationDetails details, long expectedVersion,
			boolean despiteSimilarName) {
		OrganisationDetails checked = details.checked();
		AtomicReference<String> attempted = new AtomicReference<>();
		return written(checked, attempted, () -> this.transaction.execute((status) -> {
			Organisation organisation = load(id);
			if (organisation.getVersion() != expectedVersion) {
				throw new StaleOrganisation();
			}
			OrganisationRecord before = organisation.toRecord(leadsOf(id));
			if (!despiteSimilarName
					&& !OrganisationNames.key(before.name()).equals(OrganisationNames.key(checked.name()))) {
				refuseSimilarNames(checked.name(), id);
			}
			String identifier = identifierFor(checked, before.identifier(), despiteSimilarName);
			attempted.set(identifier);
			refuseTakenIdentifier(identifier, checked, id);
			organisation.apply(checked, identifier, now());
			OrganisationRecord after = this.organisations.saveAndFlush(organisation).toRecord(before.leads());
			this.auditTrail.record("UPDATE", AUDIT_TYPE, id, audited(before), audited(after));
			return after;
		}), id);
	}

	/**
	 * Makes the organisation the lead authority of exactly these CSPs: those ticked are
	 * added, those not ticked are no longer led by it. A CSP led by another organisation
	 * is refused on the field, naming it: its lead is cleared on that organisation first.
	 * One lead authority per CSP is also the table's key, so two organisations claiming
	 * the same CSP at once get one lead.
	 */
	public OrganisationRecord setLeadAuthorities(long id, Set<Long> partnershipIds, long expectedVersion) {
		Set<Long> wanted = new HashSet<>(partnershipIds);
		return written(null, new AtomicReference<>(), () -> this.transaction.execute((status) -> {
			Organisation organisation = load(id);
			if (organisation.getVersion() != expectedVersion) {
				throw new StaleOrganisation();
			}
			List<OrganisationRecord.LedPartnership> before = leadsOf(id);
			Map<Long, String> ledByOthers = ledByOthers(id);
			List<String> refused = new ArrayList<>();
			for (long partnershipId : wanted) {
				PartnershipView partnership = this.partnerships.findById(partnershipId)
					.orElseThrow(
							() -> new ValidationException("partnershipIds", "Choose from the partnerships listed"));
				if (ledByOthers.containsKey(partnershipId)) {
					refused.add(partnership.name() + " is led by " + ledByOthers.get(partnershipId));
				}
			}
			if (!refused.isEmpty()) {
				throw new ConflictException("partnershipIds",
						String.join("; ", refused) + ". Clear its lead authority on that organisation's page first.");
			}
			organisation.touch(now());
			this.organisations.saveAndFlush(organisation);
			for (OrganisationRecord.LedPartnership led : before) {
				if (!wanted.contains(led.id())) {
					this.jdbc
						.sql("delete from partnership_lead_authority where partnership_id = ? and organisation_id = ?")
						.params(led.id(), id)
						.update();
				}
			}
			for (long partnershipId : wanted) {
				claim(partnershipId, id);
			}
			List<OrganisationRecord.LedPartnership> after = leadsOf(id);
			if (!after.equals(before)) {
				this.auditTrail.record("LEAD_AUTHORITY", AUDIT_TYPE, id, leadNames(before), leadNames(after));
			}
			return load(id).toRecord(after);
		}), id);
	}

	/**
	 * Makes an organisation the lead authority of one CSP, in place of any other (for
	 * loading data; officers use {@link #setLeadAuthorities}).
	 */
	@Transactional
	public void setLeadAuthorityOf(long partnershipId, long organisationId) {
		PartnershipView partnership = this.partnerships.findById(partnershipId)
			.orElseThrow(() -> new NotFoundException("There is no partnership with the id " + partnershipId));
		OrganisationRecord organisation = get(organisationId);
		Optional<OrganisationView> previous = this.directory.leadAuthorityOf(partnershipId);
		if (previous.isPresent() && previous.get().id() == organisationId) {
			return;
		}
		this.jdbc
			.sql("insert into partnership_lead_authority (partnership_id, organisation_id) values (?, ?) "
					+ "on conflict (partnership_id) do update set organisation_id = excluded.organisation_id")
			.params(partnershipId, organisationId)
			.update();
		previous.ifPresent((other) -> this.auditTrail.record("LEAD_AUTHORITY", AUDIT_TYPE, other.id(),
				Map.of("leadAuthorityOf", List.of(partnership.name())), Map.of("leadAuthorityOf", List.of())));
		this.auditTrail.record("LEAD_AUTHORITY", AUDIT_TYPE, organisationId, leadNames(organisation.leads()),
				leadNames(leadsOf(organisationId)));
	}

	/** A CSP no longer has a lead authority recorded. */
	@Transactional
	public void clearLeadAuthorityOf(long partnershipId) {
		this.directory.leadAuthorityOf(partnershipId).ifPresent((lead) -> {
			List<OrganisationRecord.LedPartnership> before = leadsOf(lead.id());
			this.jdbc.sql("delete from partnership_lead_authority where partnership_id = ?")
				.param(partnershipId)
				.update();
			this.auditTrail.record("LEAD_AUTHORITY", AUDIT_TYPE, lead.id(), leadNames(before),
					leadNames(leadsOf(lead.id())));
		});
	}

	/** One organisation with the CSPs it leads. */
	@Transactional(readOnly = true)
	public OrganisationRecord get(long id) {
		return load(id).toRecord(leadsOf(id));
	}

	/**
	 * The organisations recorded under a name spelled like this one, other than
	 * {@code exceptId}, first recorded first.
	 */
	@Transactional(readOnly = true)
	public List<OrganisationView> similarTo(String name, Long exceptId) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from organisation o where o.name_key = organisation_name_key(:name) "
					+ "and (cast(:except as bigint) is null or o.id <> cast(:except as bigint)) order by o.id")
			.param("name", name)
			.param("except", exceptId)
			.query(OrganisationDirectory::view)
			.list();
	}

	/**
	 * Every active CSP, with whether this organisation leads it and, if another does,
	 * which: the choices of the lead authority page.
	 */
	@Transactional(readOnly = true)
	public List<LeadChoice> leadChoices(long id) {
		Map<Long, String> others = ledByOthers(id);
		Set<Long> mine = new HashSet<>();
		leadsOf(id).forEach((led) -> mine.add(led.id()));
		return this.partnerships.all()
			.stream()
			.filter((partnership) -> partnership.active() || mine.contains(partnership.id()))
			.map((partnership) -> new LeadChoice(partnership.id(), partnership.name(), mine.contains(partnership.id()),
					others.get(partnership.id())))
			.toList();
	}

	/**
	 * A CSP on the lead authority page.
	 *
	 * @param partnershipId the partnership
	 * @param name its name
	 * @param led whether this organisation is its lead authority
	 * @param ledBy the other organisation that is, if one is
	 */
	public record LeadChoice(long partnershipId, String name, boolean led, String ledBy) {
	}

	private Optional<OrganisationView> firstCalled(String name) {
		return similarTo(name, null).stream().findFirst();
	}

	/**
	 * Runs a change; a clash found by the database (an identifier taken at the same
	 * moment, a version moved on) is answered after the rollback, naming who or what.
	 */
	private OrganisationRecord written(OrganisationDetails details, AtomicReference<String> attempted,
			Supplier<OrganisationRecord> change, Long id) {
		try {
			return change.get();
		}
		catch (StaleOrganisation | OptimisticLockingFailureException stale) {
			throw changedBySomeoneElse(id);
		}
		catch (DataIntegrityViolationException refused) {
			String identifier = attempted.get();
			if (details != null && identifier != null
					&& DatabaseRefusal.constraintOf(refused)
						.filter("organisation_identifier_once"::equals)
						.isPresent()) {
				Optional<OrganisationView> holder = this.directory.byIdentifier(identifier);
				if (holder.isPresent()) {
					throw taken(identifier, details, holder.get());
				}
			}
			if (DatabaseRefusal.constraintOf(refused).filter("partnership_lead_authority_pkey"::equals).isPresent()) {
				throw new ConflictException("partnershipIds",
						"Another organisation was made the lead authority of one of these partnerships at the same "
								+ "moment. Check who leads them now and save again.");
			}
			throw DatabaseRefusal.asConflict(refused, Map.of());
		}
	}

	/** The conflict of a stale change, naming who saved last. */
	private ConflictException changedBySomeoneElse(Long id) {
		if (id == null) {
			return ConflictException.changedBySomeoneElse();
		}
		Optional<String> who = this.jdbc
			.sql("select coalesce(u.display_name, a.actor) from audit_event a left join app_user u "
					+ "on u.username = a.actor where a.entity_type = ? and a.entity_id = ? "
					+ "order by a.occurred_at desc, a.id desc limit 1")
			.params(AUDIT_TYPE, String.valueOf(id))
			.query(String.class)
			.optional();
		String name = this.directory.find(id).map(OrganisationView::name).orElse("this organisation");
		return new ConflictException(null,
				who.map((actor) -> actor + " changed " + name).orElse(name + " was changed by someone else")
						+ " after you opened it. Check the current values and save again.");
	}

	private void refuseSimilarNames(String name, Long exceptId) {
		List<OrganisationView> similar = similarTo(name, exceptId);
		if (!similar.isEmpty()) {
			throw new SimilarNameException(name, similar);
		}
	}

	/**
	 * The identifier the details make: a register's, else the one the organisation has if
	 * it is the OPCC's own, else a new OPCC one from its name. The new one is the name's
	 * slug, with a number only where the slug is held by an organisation of another name
	 * (a long name cut short) or, {@code despiteSimilarName}, of a name spelled the same.
	 * Held by one of a name spelled the same, without {@code despiteSimilarName}, it is a
	 * {@link SimilarNameException}: the unique identifier is then what keeps two officers
	 * adding the same organisation at the same moment from recording it twice.
	 */
	private String identifierFor(OrganisationDetails details, String current, boolean despiteSimilarName) {
		Optional<String> registered = OrganisationIdentifier.registered(details.type(), details.charityNumber(),
				details.companyNumber(), details.localAuthorityCode());
		if (registered.isPresent()) {
			return registered.get();
		}
		if (OrganisationIdentifier.isOpcc(current, this.prefix)) {
			return current;
		}
		String first = OrganisationIdentifier.opcc(this.prefix, details.name(), 1);
		Map<String, String> holders = new HashMap<>();
		this.jdbc.sql(
				"select upper(identifier), name_key from organisation where upper(identifier) like upper(?) escape '\\'")
			.param(first.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.query((rs) -> {
				holders.put(rs.getString(1), rs.getString(2));
			});
		String key = OrganisationNames.key(details.name());
		for (int number = 1;; number++) {
			String identifier = OrganisationIdentifier.opcc(this.prefix, details.name(), number);
			String holderKey = holders.get(identifier.toUpperCase(java.util.Locale.ROOT));
			if (holderKey == null) {
				return identifier;
			}
			if (holderKey.equals(key) && !despiteSimilarName) {
				throw new SimilarNameException(details.name(), similarTo(details.name(), null));
			}
		}
	}

	private void refuseTakenIdentifier(String identifier, OrganisationDetails details, Long ownId) {
		this.directory.byIdentifier(identifier)
			.filter((other) -> ownId == null || other.id() != ownId)
			.ifPresent((other) -> {
				throw taken(identifier, details, other);
			});
	}

	/** The refusal of an identifier already recorded, on the field that made it. */
	private static ConflictException taken(String identifier, OrganisationDetails details, OrganisationView other) {
		if (identifier.startsWith("GB-CHC-") || identifier.startsWith("GB-SC-")) {
			return new ConflictException("charityNumber",
					"The charity number " + details.charityNumber() + " is already recorded as " + other.name());
		}
		if (identifier.startsWith("GB-COH-")) {
			return new ConflictException("companyNumber",
					"The company number " + details.companyNumber() + " is already recorded as " + other.name());
		}
		if (identifier.startsWith("GB-LAE-")) {
			return new ConflictException("localAuthorityCode", "The local authority code "
					+ details.localAuthorityCode() + " is already recorded as " + other.name());
		}
		return new ConflictException("name",
				"An organisation called " + other.name() + " is already recorded as " + identifier);
	}

	/** Claims a CSP for an organisation, unless another has just claimed it. */
	private void claim(long partnershipId, long organisationId) {
		int added = this.jdbc
			.sql("insert into partnership_lead_authority (partnership_id, organisation_id) values (?, ?) "
					+ "on conflict (partnership_id) do nothing")
			.params(partnershipId, organisationId)
			.update();
		if (added == 0) {
			Optional<OrganisationView> lead = this.directory.leadAuthorityOf(partnershipId);
			if (lead.isPresent() && lead.get().id() != organisationId) {
				String partnership = this.partnerships.findById(partnershipId)
					.map(PartnershipView::name)
					.orElse("The partnership");
				throw new ConflictException("partnershipIds", partnership + " has just been given " + lead.get().name()
						+ " as its lead authority by someone else.");
			}
		}
	}

	private Map<Long, String> ledByOthers(long id) {
		Map<Long, String> others = new LinkedHashMap<>();
		this.jdbc
			.sql("select l.partnership_id, o.name from partnership_lead_authority l "
					+ "join organisation o on o.id = l.organisation_id where l.organisation_id <> ?")
			.param(id)
			.query((rs) -> {
				others.put(rs.getLong(1), rs.getString(2));
			});
		return others;
	}

	List<OrganisationRecord.LedPartnership> leadsOf(long id) {
		return this.jdbc
			.sql("select p.id, p.code, p.name from partnership_lead_authority l "
					+ "join partnership p on p.id = l.partnership_id where l.organisation_id = ? order by p.name")
			.param(id)
			.query((rs, row) -> new OrganisationRecord.LedPartnership(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static Map<String, Object> leadNames(List<OrganisationRecord.LedPartnership> leads) {
		return Map.of("leadAuthorityOf", leads.stream().map(OrganisationRecord.LedPartnership::name).toList());
	}

	/**
	 * What the audit trail keeps of an organisation: its fields, without the CSPs it
	 * leads.
	 */
	private static Map<String, Object> audited(OrganisationRecord record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", record.name());
		fields.put("type", record.type().name());
		fields.put("identifier", record.identifier());
		fields.put("charityNumber", record.charityNumber());
		fields.put("companyNumber", record.companyNumber());
		fields.put("localAuthorityCode", record.localAuthorityCode());
		fields.put("address", record.address());
		fields.put("postcode", record.postcode());
		fields.put("contactName", record.contactName());
		fields.put("contactEmail", record.contactEmail());
		fields.put("contactPhone", record.contactPhone());
		return fields;
	}

	private Organisation load(long id) {
		return this.organisations.findById(id)
			.orElseThrow(() -> new NotFoundException("There is no organisation with the id " + id));
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** The version the user read has moved on. */
	private static final class StaleOrganisation extends RuntimeException {

		StaleOrganisation() {
			super(null, null, false, false);
		}

	}

}
