package uk.opcc.cspgrants.partnership;

import java.time.Instant;
import java.util.List;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "partnership")
class Partnership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String code;

	@Column(name = "ons_code")
	private String onsCode;

	@Column(name = "lead_authority", nullable = false)
	private String leadAuthority;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "responsible_officer_id")
	private Long responsibleOfficerId;

	@ElementCollection
	@CollectionTable(name = "partnership_alias", joinColumns = @JoinColumn(name = "partnership_id"))
	@Column(name = "alias")
	@OrderBy
	private Set<String> aliases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Partnership() {
	}

	Partnership(PartnershipDetails details, Instant now) {
		this.createdAt = now;
		apply(details, now);
	}

	void apply(PartnershipDetails details, Instant now) {
		this.name = details.name();
		this.code = details.code();
		this.onsCode = details.onsCode();
		this.leadAuthority = details.leadAuthority();
		this.active = details.active();
		this.aliases.clear();
		this.aliases.addAll(details.aliases());
		this.updatedAt = now;
	}

	/** The OPCC officer responsible for the partnership, or {@code null} for none. */
	void setResponsibleOfficer(Long officerId, Instant now) {
		this.responsibleOfficerId = officerId;
		this.updatedAt = now;
	}

	void setActive(boolean active, Instant now) {
		this.active = active;
		this.updatedAt = now;
	}

	long getVersion() {
		return this.version;
	}

	PartnershipView toView() {
		return new PartnershipView(this.id, this.code, this.name, this.onsCode, this.leadAuthority, this.active,
				this.version, List.copyOf(new TreeSet<>(this.aliases)), this.responsibleOfficerId);
	}

}
