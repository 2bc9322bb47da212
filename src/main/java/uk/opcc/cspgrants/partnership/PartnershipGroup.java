package uk.opcc.cspgrants.partnership;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.ConflictException;

/**
 * A saved, named set of partnerships that a formula run can cover instead of every active
 * partnership. Archived rather than deleted: runs made over it keep its name.
 */
@Entity
@Table(name = "partnership_group")
class PartnershipGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	private String description;

	@Column(nullable = false)
	private boolean active;

	@ElementCollection
	@CollectionTable(name = "partnership_group_member", joinColumns = @JoinColumn(name = "group_id"))
	@Column(name = "partnership_id")
	private Set<Long> members = new TreeSet<>();

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected PartnershipGroup() {
	}

	PartnershipGroup(PartnershipGroupDetails details, Instant now) {
		this.createdAt = now;
		this.active = true;
		apply(details, now);
	}

	void apply(PartnershipGroupDetails details, Instant now) {
		this.name = details.name();
		this.description = details.description();
		this.members.clear();
		this.members.addAll(details.members());
		this.updatedAt = now;
	}

	/**
	 * Archives the group: it is no longer offered for runs; runs made over it keep it.
	 */
	void archive(Instant now) {
		if (!this.active) {
			throw new ConflictException(null, "The group " + this.name + " is archived already");
		}
		this.active = false;
		this.updatedAt = now;
	}

	void restore(Instant now) {
		if (this.active) {
			throw new ConflictException(null, "The group " + this.name + " is active already");
		}
		this.active = true;
		this.updatedAt = now;
	}

	Long getId() {
		return this.id;
	}

	long getVersion() {
		return this.version;
	}

	String getName() {
		return this.name;
	}

	String getDescription() {
		return this.description;
	}

	boolean isActive() {
		return this.active;
	}

	Set<Long> getMembers() {
		return Set.copyOf(this.members);
	}

}
