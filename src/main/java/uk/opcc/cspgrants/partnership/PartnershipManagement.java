package uk.opcc.cspgrants.partnership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.StaffDirectory;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Creates, changes, archives and finds Community Safety Partnerships. Every change is
 * audited with the values before and after.
 */
@Service
@Validated
@Transactional
public class PartnershipManagement {

	static final String AUDIT_TYPE = "Partnership";

	private final PartnershipRepository partnerships;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final DataVersions versions;

	private final StaffDirectory staff;

	/** Every partnership, by the version it was read at: a few versions at most. */
	private final DataVersions.Keeper<String, List<PartnershipView>> kept;

	PartnershipManagement(PartnershipRepository partnerships, AuditTrail auditTrail, Clock clock, JdbcClient jdbc,
			DataVersions versions, StaffDirectory staff) {
		this.staff = staff;
		this.partnerships = partnerships;
		this.versions = versions;
		this.kept = versions.keeper(4);
		this.auditTrail = auditTrail;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** The partnerships this user may see, by name; archived ones only when asked for. */
	@Transactional(readOnly = true)
	public List<PartnershipView> listFor(CurrentUser user, boolean includeArchived) {
		return all().stream()
			.filter(view -> includeArchived || view.active())
			.filter(view -> user.maySee(view.id()))
			.toList();
	}

	/**
	 * Every partnership with its aliases, by name, in one query: many pages read this, so
	 * it is read straight from the table rather than through the entities, and kept by
	 * {@link #version()} (read first, so what is kept shows at least that version) at
	 * most a second, read again at once after a change here (see {@link DataVersions});
	 * always afresh inside a change. The list cannot be changed by whoever gets it.
	 */
	@Transactional(readOnly = true)
	public List<PartnershipView> all() {
		return this.kept.get(version(), this::allAsSaved);
	}

	private List<PartnershipView> allAsSaved() {
		return List.copyOf(this.jdbc
			.sql("select p.id, p.code, p.name, p.ons_code, p.lead_authority, p.active, p.version, "
					+ "array_remove(array_agg(a.alias order by a.alias collate \"C\"), null), p.responsible_officer_id "
					+ "from partnership p left join partnership_alias a on a.partnership_id = p.id "
					+ "group by p.id order by p.name")
			.query((rs, row) -> new PartnershipView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6), rs.getLong(7), List.of((String[]) rs.getArray(8).getArray()),
					rs.getObject(9, Long.class)))
			.list());
	}

	/**
	 * A version of every partnership, for pages that keep what they show: it changes when
	 * one is added, renamed, archived or restored. Read at most once a second (see
	 * {@link DataVersions}), without a transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version() {
		return this.versions.of("partnerships",
				() -> this.jdbc.sql("select concat_ws(',', count(*), sum(version), max(id)) from partnership")
					.query(String.class)
					.single());
	}

	@Transactional(readOnly = true)
	public Optional<PartnershipView> findById(long id) {
		return this.partnerships.findById(id).map(Partnership::toView);
	}

	@Transactional(readOnly = true)
	public Optional<PartnershipView> findByCode(String code) {
		return this.partnerships.findByCode(code).map(Partnership::toView);
	}

	/** One partnership by code, if it exists and this user may see it. */
	@Transactional(readOnly = true)
	public PartnershipView get(String code, CurrentUser user) {
		PartnershipView view = findByCode(code).orElseThrow(() -> notFound(code));
		if (!user.maySee(view.id())) {
			throw new AccessDeniedException("A CSP manager sees only their own partnership");
		}
		return view;
	}

	public PartnershipView create(@Valid PartnershipDetails details) {
		return create(details, null);
	}

	/**
	 * Adds a partnership with the OPCC officer responsible for it ({@code null} for
	 * none): an enabled account holding the OPCC officer role.
	 */
	public PartnershipView create(@Valid PartnershipDetails details, Long responsibleOfficerId) {
		refuseDuplicates(details, null);
		checkOfficer(responsibleOfficerId);
		Partnership made = new Partnership(details, now());
		made.setResponsibleOfficer(responsibleOfficerId, now());
		Partnership partnership = save(made, details);
		PartnershipView created = partnership.toView();
		this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, created);
		return created;
	}

	/**
	 * Changes a partnership. {@code expectedVersion} is the version the user read; if
	 * someone else saved since, the change is refused and nothing is saved.
	 */
	public PartnershipView update(String code, @Valid PartnershipDetails details, long expectedVersion) {
		Partnership partnership = this.partnerships.findByCode(code).orElseThrow(() -> notFound(code));
		return update(partnership, details, partnership.toView().responsibleOfficerId(), expectedVersion);
	}

	/**
	 * Changes a partnership and the OPCC officer responsible for it ({@code null} for
	 * none), as {@link #update(String, PartnershipDetails, long)} does.
	 */
	public PartnershipView update(String code, @Valid PartnershipDetails details, Long responsibleOfficerId,
			long expectedVersion) {
		Partnership partnership = this.partnerships.findByCode(code).orElseThrow(() -> notFound(code));
		return update(partnership, details, responsibleOfficerId, expectedVersion);
	}

	private PartnershipView update(Partnership partnership, PartnershipDetails details, Long responsibleOfficerId,
			long expectedVersion) {
		PartnershipView before = checkVersion(partnership, expectedVersion);
		refuseDuplicates(details, before.id());
		if (!java.util.Objects.equals(responsibleOfficerId, before.responsibleOfficerId())) {
			checkOfficer(responsibleOfficerId);
		}
		partnership.apply(details, now());
		partnership.setResponsibleOfficer(responsibleOfficerId, now());
		PartnershipView after = save(partnership, details).toView();
		this.auditTrail.record("UPDATE", AUDIT_TYPE, after.id(), before, after);
		return after;
	}

	/** Archives a partnership: it leaves the lists but its history stays. */
	public PartnershipView archive(String code, long expectedVersion) {
		return setActive(code, false, expectedVersion, "ARCHIVE");
	}

	public PartnershipView restore(String code, long expectedVersion) {
		return setActive(code, true, expectedVersion, "RESTORE");
	}

	private PartnershipView setActive(String code, boolean active, long expectedVersion, String action) {
		Partnership partnership = this.partnerships.findByCode(code).orElseThrow(() -> notFound(code));
		PartnershipView before = checkVersion(partnership, expectedVersion);
		partnership.setActive(active, now());
		PartnershipView after = DatabaseRefusal.orConflict(() -> this.partnerships.saveAndFlush(partnership), Map.of())
			.toView();
		this.auditTrail.record(action, AUDIT_TYPE, after.id(), before, after);
		return after;
	}

	/**
	 * Saves a partnership; a name, code, ONS code or other name taken by someone else at
	 * the same moment is refused on its field, as the checks before would have.
	 */
	private Partnership save(Partnership partnership, PartnershipDetails details) {
		return DatabaseRefusal
			.orFieldConflict(() -> this.partnerships.saveAndFlush(partnership), Map.of("partnership_name_unique",
					new ConflictException("name", "A partnership called " + details.name() + " already exists"),
					"partnership_code_unique",
					new ConflictException("code",
							"The code " + details.code() + " is already used by another partnership"),
					"partnership_ons_code_unique",
					new ConflictException("onsCode",
							"The ONS area code " + details.onsCode() + " is already used by another partnership"),
					"partnership_alias_unique",
					new ConflictException("aliases", "One of the other names is already used by another partnership")));
	}

	/** The officer responsible must be an OPCC officer who can sign in. */
	private void checkOfficer(Long officerId) {
		if (officerId == null) {
			return;
		}
		this.staff.find(officerId)
			.filter(StaffDirectory.StaffMember::enabled)
			.filter(officer -> officer.has(Role.OFFICER))
			.orElseThrow(() -> new ValidationException("responsibleOfficerId",
					"Choose an OPCC officer who can sign in as the officer responsible"));
	}

	/** The OPCC officers who can sign in, by name: who may be made responsible. */
	@Transactional(readOnly = true)
	public List<StaffDirectory.StaffMember> officers() {
		return this.staff.enabledWith(Role.OFFICER);
	}

	/** The name of the officer responsible for a partnership, if one is chosen. */
	@Transactional(readOnly = true)
	public Optional<String> responsibleOfficerName(PartnershipView partnership) {
		return Optional.ofNullable(partnership.responsibleOfficerId())
			.flatMap(this.staff::find)
			.map(StaffDirectory.StaffMember::name);
	}

	private static PartnershipView checkVersion(Partnership partnership, long expectedVersion) {
		if (partnership.getVersion() != expectedVersion) {
			throw ConflictException.changedBySomeoneElse();
		}
		return partnership.toView();
	}

	private void refuseDuplicates(PartnershipDetails details, Long ownId) {
		this.partnerships.findByName(details.name())
			.map(Partnership::toView)
			.filter(other -> isAnother(other, ownId))
			.ifPresent(other -> {
				throw new ConflictException("name", "A partnership called " + other.name() + " already exists");
			});
		this.partnerships.findByCode(details.code())
			.map(Partnership::toView)
			.filter(other -> isAnother(other, ownId))
			.ifPresent(other -> {
				throw new ConflictException("code",
						"The code " + details.code() + " is already used by " + other.name());
			});
		refuseTakenAliases(details, ownId);
		if (details.onsCode() != null) {
			this.partnerships.findByOnsCode(details.onsCode())
				.map(Partnership::toView)
				.filter(other -> isAnother(other, ownId))
				.ifPresent(other -> {
					throw new ConflictException("onsCode",
							"The ONS area code " + details.onsCode() + " is already used by " + other.name());
				});
		}
	}

	private void refuseTakenAliases(PartnershipDetails details, Long ownId) {
		for (PartnershipView other : all()) {
			if (!isAnother(other, ownId)) {
				continue;
			}
			for (String alias : details.aliases()) {
				if (other.isCalled(alias)) {
					throw new ConflictException("aliases",
							"The other name " + alias + " is already used by " + other.name());
				}
			}
		}
	}

	private static boolean isAnother(PartnershipView other, Long ownId) {
		return ownId == null || other.id() != ownId;
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static NotFoundException notFound(String code) {
		return new NotFoundException("There is no partnership with the code " + code);
	}

}
