package uk.opcc.cspgrants.partnership;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Partnership groups: made, changed (with the version read, so that two people changing
 * one group at once meet at it), archived and restored; and the set of partnerships a
 * formula run covers. Every change is audited with the values before and after.
 */
@Service
@Validated
@Transactional
public class PartnershipGroupManagement {

	static final String AUDIT_TYPE = "PartnershipGroup";

	private final PartnershipGroupRepository groups;

	private final PartnershipManagement partnerships;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final JdbcClient jdbc;

	PartnershipGroupManagement(PartnershipGroupRepository groups, PartnershipManagement partnerships,
			AuditTrail auditTrail, Clock clock, JdbcClient jdbc) {
		this.groups = groups;
		this.partnerships = partnerships;
		this.auditTrail = auditTrail;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * The groups by name, with their members, in two queries whatever their number;
	 * archived groups only when asked for.
	 */
	@Transactional(readOnly = true)
	public List<PartnershipGroupView> list(boolean includeArchived) {
		Map<Long, PartnershipView> byId = partnershipsById();
		return this.jdbc
			.sql("select g.id, g.name, g.description, g.active, g.version, "
					+ "array_remove(array_agg(m.partnership_id), null) from partnership_group g "
					+ "left join partnership_group_member m on m.group_id = g.id "
					+ (includeArchived ? "" : "where g.active ") + "group by g.id order by lower(g.name)")
			.query((rs, row) -> view(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5),
					List.of((Long[]) rs.getArray(6).getArray()), byId))
			.list();
	}

	/**
	 * Every active partnership as a run over them is labelled: "All active partnerships
	 * (9)".
	 */
	@Transactional(readOnly = true)
	public String allActiveLabel() {
		long active = this.partnerships.all().stream().filter(PartnershipView::active).count();
		return PartnershipSet.ALL_ACTIVE + " (" + active + ")";
	}

	@Transactional(readOnly = true)
	public PartnershipGroupView get(long id) {
		return view(load(id), partnershipsById());
	}

	@Transactional(readOnly = true)
	public Optional<PartnershipGroupView> findByName(String name) {
		return this.groups.findByName(name).map(group -> view(group, partnershipsById()));
	}

	/**
	 * The partnerships a run covers: every active partnership when {@code groupId} is
	 * {@code null}, otherwise the active members of that group. Refused on the choice's
	 * field when the group does not exist, is archived or has no active member.
	 */
	@Transactional(readOnly = true)
	public PartnershipSet chosen(Long groupId) {
		List<PartnershipView> all = this.partnerships.all();
		if (groupId == null) {
			return PartnershipSet.allActive(all);
		}
		PartnershipGroup group = this.groups.findById(groupId)
			.orElseThrow(() -> new ValidationException(PartnershipSet.FIELD,
					"There is no partnership group " + groupId + ": choose one from the list"));
		return PartnershipSet.of(view(group, byId(all)), all);
	}

	public PartnershipGroupView create(@Valid PartnershipGroupDetails details) {
		Map<Long, PartnershipView> byId = partnershipsById();
		refuse(details, null, byId);
		PartnershipGroup group = save(new PartnershipGroup(details, this.clock.instant()), details);
		PartnershipGroupView created = view(group, byId);
		this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, summary(created));
		return created;
	}

	/**
	 * Changes a group's name, description and members. {@code expectedVersion} is the
	 * version the user read; if someone else saved since, nothing is saved.
	 */
	public PartnershipGroupView update(long id, @Valid PartnershipGroupDetails details, long expectedVersion) {
		Map<Long, PartnershipView> byId = partnershipsById();
		PartnershipGroup group = load(id);
		PartnershipGroupView before = checkVersion(group, expectedVersion, byId);
		refuse(details, id, byId);
		group.apply(details, this.clock.instant());
		PartnershipGroupView after = view(save(group, details), byId);
		this.auditTrail.record("UPDATE", AUDIT_TYPE, id, summary(before), summary(after));
		return after;
	}

	/** Archives a group: it is no longer offered for runs; runs made over it keep it. */
	public PartnershipGroupView archive(long id, long expectedVersion) {
		return changeActive(id, expectedVersion, "ARCHIVE", true);
	}

	/** Offers an archived group for runs again. */
	public PartnershipGroupView restore(long id, long expectedVersion) {
		return changeActive(id, expectedVersion, "RESTORE", false);
	}

	private PartnershipGroupView changeActive(long id, long expectedVersion, String action, boolean archive) {
		Map<Long, PartnershipView> byId = partnershipsById();
		PartnershipGroup group = load(id);
		PartnershipGroupView before = checkVersion(group, expectedVersion, byId);
		if (archive) {
			group.archive(this.clock.instant());
		}
		else {
			group.restore(this.clock.instant());
		}
		PartnershipGroupView after = view(DatabaseRefusal.orConflict(() -> this.groups.saveAndFlush(group), Map.of()),
				byId);
		this.auditTrail.record(action, AUDIT_TYPE, id, summary(before), summary(after));
		return after;
	}

	/**
	 * Saves a group; a name taken by another group at the same moment is refused on its
	 * field, as the check before would have.
	 */
	private PartnershipGroup save(PartnershipGroup group, PartnershipGroupDetails details) {
		return DatabaseRefusal.orFieldConflict(() -> this.groups.saveAndFlush(group),
				Map.of("partnership_group_name_unique", nameTaken(details.name())));
	}

	private void refuse(PartnershipGroupDetails details, Long ownId, Map<Long, PartnershipView> byId) {
		List<Long> unknown = details.members().stream().filter(member -> !byId.containsKey(member)).toList();
		if (!unknown.isEmpty()) {
			throw new ValidationException("members", "Choose partnerships from the list: there is no partnership "
					+ unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		this.groups.findByName(details.name())
			.filter(other -> ownId == null || !other.getId().equals(ownId))
			.ifPresent(other -> {
				throw nameTaken(other.getName() + (other.isActive() ? "" : " (archived)"));
			});
	}

	private static ConflictException nameTaken(String name) {
		return new ConflictException("name", "A group called " + name + " already exists: choose another name");
	}

	private static PartnershipGroupView checkVersion(PartnershipGroup group, long expectedVersion,
			Map<Long, PartnershipView> byId) {
		if (group.getVersion() != expectedVersion) {
			throw ConflictException.changedBySomeoneElse();
		}
		return view(group, byId);
	}

	private PartnershipGroup load(long id) {
		return this.groups.findById(id).orElseThrow(() -> new NotFoundException("There is no partnership group " + id));
	}

	private Map<Long, PartnershipView> partnershipsById() {
		return byId(this.partnerships.all());
	}

	private static Map<Long, PartnershipView> byId(List<PartnershipView> all) {
		return all.stream().collect(Collectors.toMap(PartnershipView::id, Function.identity()));
	}

	private static PartnershipGroupView view(PartnershipGroup group, Map<Long, PartnershipView> byId) {
		return view(group.getId(), group.getName(), group.getDescription(), group.isActive(), group.getVersion(),
				group.getMembers(), byId);
	}

	/** A group's view, its members by name. */
	private static PartnershipGroupView view(long id, String name, String description, boolean active, long version,
			java.util.Collection<Long> memberIds, Map<Long, PartnershipView> byId) {
		List<PartnershipGroupView.Member> members = new ArrayList<>();
		for (Long memberId : memberIds) {
			PartnershipView partnership = byId.get(memberId);
			if (partnership != null) {
				members.add(new PartnershipGroupView.Member(partnership.id(), partnership.code(), partnership.name(),
						partnership.active()));
			}
		}
		members.sort(java.util.Comparator.comparing(PartnershipGroupView.Member::name));
		return new PartnershipGroupView(id, name, description, active, version, List.copyOf(members));
	}

	private static Map<String, Object> summary(PartnershipGroupView group) {
		Map<String, Object> summary = new java.util.LinkedHashMap<>();
		summary.put("name", group.name());
		summary.put("description", group.description());
		summary.put("active", group.active());
		summary.put("members", group.members().stream().map(PartnershipGroupView.Member::code).toList());
		return summary;
	}

}
