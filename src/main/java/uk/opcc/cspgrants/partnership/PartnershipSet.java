package uk.opcc.cspgrants.partnership;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The partnerships a formula run covers: every active partnership by default, or the
 * active members of a saved group. A run freezes the set: the group's id, this label and,
 * as its lines, the members.
 *
 * @param groupId the group chosen, or {@code null} for all active partnerships
 * @param label the set as shown, e.g. "All active partnerships (9)" or "Leicestershire
 * and Rutland districts (8)"
 * @param partnerships the active partnerships covered, by name
 */
public record PartnershipSet(Long groupId, String label, List<PartnershipView> partnerships) {

	/** The form field a choice of set is made in, on pages and in the API. */
	public static final String FIELD = "partnershipGroupId";

	public static final String ALL_ACTIVE = "All active partnerships";

	public PartnershipSet {
		partnerships = List.copyOf(partnerships);
	}

	/** Every active partnership; refused when there is none. */
	public static PartnershipSet allActive(List<PartnershipView> all) {
		List<PartnershipView> active = all.stream().filter(PartnershipView::active).toList();
		if (active.isEmpty()) {
			throw new ValidationException(FIELD, "There are no active partnerships to allocate to");
		}
		return new PartnershipSet(null, ALL_ACTIVE + " (" + active.size() + ")", active);
	}

	/**
	 * The active members of a group; refused, saying why, when the group is archived or
	 * none of its partnerships is active.
	 */
	public static PartnershipSet of(PartnershipGroupView group, List<PartnershipView> all) {
		if (!group.active()) {
			throw new ValidationException(FIELD,
					"The group " + group.name() + " is archived: choose another group, or all active partnerships");
		}
		Map<Long, PartnershipView> byId = all.stream()
			.collect(Collectors.toMap(PartnershipView::id, Function.identity()));
		List<PartnershipView> active = group.activeMembers()
			.stream()
			.map(member -> byId.get(member.id()))
			.filter(partnership -> partnership != null && partnership.active())
			.toList();
		if (active.isEmpty()) {
			throw new ValidationException(FIELD,
					"None of the partnerships in " + group.name() + " is active: change the group, or choose another");
		}
		return new PartnershipSet(group.id(), group.name() + " (" + active.size() + ")", active);
	}

}
