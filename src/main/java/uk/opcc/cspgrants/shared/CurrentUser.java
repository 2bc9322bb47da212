package uk.opcc.cspgrants.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person signed in: who they are, their roles and, for a CSP manager, the one
 * partnership they may see, or, for a recipient contact, the one organisation whose
 * grants and returns they may see.
 */
public final class CurrentUser implements UserDetails {

	private final long id;

	private final String username;

	private final String displayName;

	private final String passwordHash;

	private final boolean enabled;

	private final Set<Role> roles;

	private final Long partnershipId;

	private final Long organisationId;

	public CurrentUser(long id, String username, String displayName, String passwordHash, boolean enabled,
			Set<Role> roles, Long partnershipId) {
		this(id, username, displayName, passwordHash, enabled, roles, partnershipId, null);
	}

	public CurrentUser(long id, String username, String displayName, String passwordHash, boolean enabled,
			Set<Role> roles, Long partnershipId, Long organisationId) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.partnershipId = partnershipId;
		this.organisationId = organisationId;
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : this.roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAny(Role... wanted) {
		for (Role role : wanted) {
			if (this.roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** The partnership a CSP manager is limited to; {@code null} for everyone else. */
	public Long partnershipId() {
		return this.partnershipId;
	}

	/** True when this user may only see the partnership with this id. */
	public boolean isLimitedToOnePartnership() {
		return has(Role.CSP_MANAGER);
	}

	/**
	 * Whether this user may see a partnership's own data: everyone but a CSP manager of
	 * another partnership, and a recipient contact or an applicant, who see no
	 * partnership's.
	 */
	public boolean maySee(long partnershipId) {
		if (isRecipientContact() || isApplicant()) {
			return false;
		}
		return !isLimitedToOnePartnership() || Long.valueOf(partnershipId).equals(this.partnershipId);
	}

	/** The organisation a recipient contact acts for; {@code null} for everyone else. */
	public Long organisationId() {
		return this.organisationId;
	}

	/**
	 * True for a recipient's contact, who may see only their own organisation's grants.
	 */
	public boolean isRecipientContact() {
		return has(Role.RECIPIENT);
	}

	/**
	 * True when they may hold API tokens: the OPCC's staff and CSP managers (not an
	 * applicant, a recipient's contact or a themed reviewer).
	 */
	public boolean mayHoldApiTokens() {
		return this.roles.stream().anyMatch(Role::holdsApiTokens);
	}

	/** True when they may see and sign out their sessions: everyone with a role. */
	public boolean mayManageSessions() {
		return !this.roles.isEmpty();
	}

	/**
	 * True for an applicant to a grant round, who signs in by a link sent by e-mail and
	 * may use only the pages for applying.
	 */
	public boolean isApplicant() {
		return has(Role.APPLICANT);
	}

	/**
	 * Whether this user may see an organisation's grants, payments and returns: the
	 * OPCC's staff may see every one, a recipient contact only their own, a CSP manager
	 * and an applicant none.
	 */
	public boolean maySeeOrganisation(long organisationId) {
		if (isRecipientContact()) {
			return Long.valueOf(organisationId).equals(this.organisationId);
		}
		return !isLimitedToOnePartnership() && !isApplicant();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = this.roles.stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "CurrentUser[" + this.username + "]";
	}

}
