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
 * partnership they may see.
 */
public final class CurrentUser implements UserDetails {

	private final long id;

	private final String username;

	private final String displayName;

	private final String passwordHash;

	private final boolean enabled;

	private final Set<Role> roles;

	private final Long partnershipId;

	public CurrentUser(long id, String username, String displayName, String passwordHash, boolean enabled,
			Set<Role> roles, Long partnershipId) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.partnershipId = partnershipId;
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

	public boolean maySee(long partnershipId) {
		return !isLimitedToOnePartnership() || Long.valueOf(partnershipId).equals(this.partnershipId);
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
