package uk.opcc.cspgrants.partnership;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A partnership group as pages, other modules and the API see it.
 *
 * @param id internal id
 * @param name e.g. {@code Leicestershire and Rutland districts}
 * @param description what the group is for, or {@code null}
 * @param active false once archived
 * @param version for optimistic locking: send it back with a change
 * @param members its partnerships by name, archived ones included
 */
public record PartnershipGroupView(long id, String name, String description, boolean active, long version,
		List<Member> members) {

	/**
	 * One partnership of the group.
	 *
	 * @param id the partnership's id
	 * @param code its short code
	 * @param name its name
	 * @param active false once the partnership is archived
	 */
	public record Member(long id, String code, String name, boolean active) {
	}

	/** The members a run over this group covers: the active ones. */
	public List<Member> activeMembers() {
		return this.members.stream().filter(Member::active).toList();
	}

	/** The members archived since they were put in the group. */
	public List<Member> archivedMembers() {
		return this.members.stream().filter(member -> !member.active()).toList();
	}

	public boolean hasMember(long partnershipId) {
		return this.members.stream().anyMatch(member -> member.id() == partnershipId);
	}

	/** Whether every partnership of the group is archived: a run over it is refused. */
	public boolean noneActive() {
		return activeMembers().isEmpty();
	}

	/** The name with the number of active members, as a run over it is labelled. */
	@JsonProperty
	public String label() {
		return this.name + " (" + activeMembers().size() + ")";
	}

}
