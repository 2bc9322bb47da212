package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FieldRefusals;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The administrators' table of sign-in mappings: which value of which claim in the
 * organisation's id token gives which role (and a CSP manager's partnership). Each is
 * added once (a unique key), switched off or on by the one update that finds it as the
 * administrator saw it (its version), and audited; none is removed.
 */
@Service
public class SignInMappings {

	/** The roles a mapping may give: the OPCC's staff and CSP managers. */
	static final Set<Role> MAPPABLE = EnumSet.of(Role.ADMIN, Role.OFFICER, Role.FINANCE, Role.MONITORING_OFFICER,
			Role.COMMISSIONER, Role.CSP_MANAGER);

	private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:/-]{1,100}");

	private static final String AUDIT_TYPE = "SIGN_IN_MAPPING";

	private static final String SELECT = """
			select m.id, m.claim, m.claim_value, m.role, p.name as partnership, m.enabled, m.version,
			       m.created_at, m.created_by, m.updated_at, m.updated_by
			from sign_in_mapping m left join partnership p on p.id = m.partnership_id
			""";

	private final JdbcClient jdbc;

	private final PartnershipManagement partnerships;

	private final AuditTrail auditTrail;

	private final Clock clock;

	SignInMappings(JdbcClient jdbc, PartnershipManagement partnerships, AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.partnerships = partnerships;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** Every mapping, switched on first, then by claim, value and role. */
	@Transactional(readOnly = true)
	public List<MappingView> all() {
		return this.jdbc.sql(SELECT + " order by m.enabled desc, m.claim, m.claim_value, m.role, p.name")
			.query(SignInMappings::view)
			.list();
	}

	/** The mappings switched on, as the sign-in reads them. */
	@Transactional(readOnly = true)
	public List<MappingRule> switchedOn() {
		return this.jdbc
			.sql("select id, claim, claim_value, role, partnership_id from sign_in_mapping where enabled order by id")
			.query((rs, row) -> new MappingRule(rs.getLong(1), rs.getString(2), rs.getString(3),
					Role.valueOf(rs.getString(4)), (Long) rs.getObject(5)))
			.list();
	}

	/**
	 * Adds a mapping. The same claim, value, role and partnership twice is refused by the
	 * database's unique key (so two administrators adding it at once make one).
	 */
	@Transactional
	public MappingView add(MappingForm form, CurrentUser actor) {
		FieldRefusals refusals = new FieldRefusals();
		String claim = (form.claim() == null) ? "" : form.claim().strip();
		String value = (form.value() == null) ? "" : form.value().strip();
		if (claim.isEmpty()) {
			refusals.add("claim", "Enter the claim the provider puts groups or roles in, such as groups");
		}
		else if (!CLAIM.matcher(claim).matches()) {
			refusals.add("claim", "A claim's name is letters, digits and . _ : / - only, up to 100 characters");
		}
		if (value.isEmpty()) {
			refusals.add("value", "Enter the group's id or the role's name the claim must carry");
		}
		else if (value.length() > 255) {
			refusals.add("value", "The value must be 255 characters or fewer");
		}
		Role role = roleOf(form.role(), refusals);
		Long partnershipId = partnershipOf(role, form.partnershipCode(), refusals);
		refusals.throwIfAny();
		Instant now = this.clock.instant();
		Long id = this.jdbc.sql("""
				insert into sign_in_mapping (claim, claim_value, role, partnership_id, created_at, created_by,
				                             updated_at, updated_by)
				values (:claim, :value, :role, :partnership, :now, :by, :now, :by)
				on conflict on constraint sign_in_mapping_once do nothing
				returning id
				""")
			.param("claim", claim)
			.param("value", value)
			.param("role", role.name())
			.param("partnership", partnershipId)
			.param("now", Timestamp.from(now))
			.param("by", actor.displayName())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new ConflictException("value",
					"There is already a mapping from this value of " + claim + " to " + role.label()
							+ ((partnershipId != null) ? " for this partnership" : "")
							+ ": switch it on in the list if it is off"));
		MappingView added = get(id);
		this.auditTrail.record("CREATE", AUDIT_TYPE, id, null, audited(added));
		return added;
	}

	/**
	 * Switches a mapping off (nobody gets its role at their next sign-in) or back on;
	 * refused when someone changed it since the administrator saw it.
	 */
	@Transactional
	public MappingView switchTo(long id, boolean on, long version, CurrentUser actor) {
		MappingView before = get(id);
		int changed = this.jdbc.sql("""
				update sign_in_mapping set enabled = :on, version = version + 1, updated_at = :now, updated_by = :by
				where id = :id and version = :version and enabled <> :on
				""")
			.param("on", on)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", actor.displayName())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			MappingView now = get(id);
			throw new ConflictException("form", (now.enabled() == on)
					? now.updatedBy() + " has already switched this mapping " + (on ? "on" : "off")
					: "Someone else changed this mapping while you were looking at it. The list now shows it as it is.");
		}
		MappingView after = get(id);
		this.auditTrail.record(on ? "SWITCH_ON" : "SWITCH_OFF", AUDIT_TYPE, id, audited(before), audited(after));
		if (!on) {
			takeAwayRole(id);
		}
		return after;
	}

	/**
	 * A mapping switched off takes its role away at once from those it gave it to at
	 * their last sign-in through the provider (their API tokens act with the roles the
	 * account holds now), unless another switched-on mapping they matched then gives the
	 * same role. Someone who last signed in before this was kept (V71) loses the role if
	 * they hold it at all; another mapping that still gives it gives it back at their
	 * next sign-in.
	 */
	private void takeAwayRole(long mappingId) {
		// the accounts it gave the role to, locked as a sign-in locks its account: a
		// sign-in, or another mapping switched off, waits, and then sees this one off
		this.jdbc.sql("""
				select u.id from app_user u
				where u.id in (select h.user_id from sign_in_mapping_held h where h.mapping_id = :id)
				order by u.id for update
				""").param("id", mappingId).query(Long.class).list();
		List<Long> accounts = this.jdbc.sql("""
				delete from app_user_role r using sign_in_mapping m, single_sign_on_account s, app_user u
				where m.id = :id and s.user_id = r.user_id and u.id = r.user_id and r.role = m.role
				  and (m.partnership_id is null or u.partnership_id = m.partnership_id)
				  and (exists (select 1 from sign_in_mapping_held h where h.user_id = r.user_id and h.mapping_id = m.id)
				         and not exists (select 1 from sign_in_mapping_held h join sign_in_mapping other
				                           on other.id = h.mapping_id
				                         where h.user_id = r.user_id and other.id <> m.id and other.enabled
				                           and other.role = m.role)
				       or not exists (select 1 from sign_in_mapping_held h where h.user_id = r.user_id))
				returning r.user_id
				""").param("id", mappingId).query(Long.class).list();
		for (Long account : accounts) {
			this.auditTrail.record("ROLES_FROM_SIGN_IN", AuditTrail.USER, account, null,
					Map.of("removed", "the role of sign-in mapping " + mappingId + ", switched off"));
		}
	}

	@Transactional(readOnly = true)
	public MappingView get(long id) {
		return this.jdbc.sql(SELECT + " where m.id = :id")
			.param("id", id)
			.query(SignInMappings::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("No sign-in mapping " + id));
	}

	private static MappingView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new MappingView(rs.getLong("id"), rs.getString("claim"), rs.getString("claim_value"),
				Role.valueOf(rs.getString("role")), rs.getString("partnership"), rs.getBoolean("enabled"),
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	private static Role roleOf(String typed, FieldRefusals refusals) {
		Role role = null;
		if (typed != null) {
			try {
				role = Role.valueOf(typed);
			}
			catch (IllegalArgumentException unknown) {
				role = null;
			}
		}
		if (role == null || !MAPPABLE.contains(role)) {
			refusals.add("role", "Choose the role this gives");
			return null;
		}
		return role;
	}

	private Long partnershipOf(Role role, String code, FieldRefusals refusals) {
		boolean named = code != null && !code.isBlank();
		if (role != Role.CSP_MANAGER) {
			if (named && role != null) {
				refusals.add("partnershipCode", "Only a CSP manager's mapping names a partnership");
			}
			return null;
		}
		if (!named) {
			refusals.add("partnershipCode", "Choose the partnership this CSP manager manages");
			return null;
		}
		PartnershipView partnership = this.partnerships.findByCode(code.strip()).orElse(null);
		if (partnership == null || !partnership.active()) {
			refusals.add("partnershipCode", "Choose a partnership from the list");
			return null;
		}
		return partnership.id();
	}

	private static Map<String, Object> audited(MappingView mapping) {
		Map<String, Object> audited = new LinkedHashMap<>();
		audited.put("claim", mapping.claim());
		audited.put("value", mapping.value());
		audited.put("role", mapping.role().name());
		audited.put("partnership", mapping.partnership());
		audited.put("switchedOn", mapping.enabled());
		return audited;
	}

	/** A mapping as its list shows it. */
	public record MappingView(long id, String claim, String value, Role role, String partnership, boolean enabled,
			long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	}

	/**
	 * What an administrator typed for a new mapping.
	 *
	 * @param claim the claim's name
	 * @param value the value it must carry
	 * @param role the role's name
	 * @param partnershipCode a CSP manager's partnership
	 */
	public record MappingForm(String claim, String value, String role, String partnershipCode) {

		static MappingForm blank() {
			return new MappingForm("groups", "", null, null);
		}

	}

}
