package uk.opcc.cspgrants.security;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Someone the organisation's provider vouched for, with their account here: what the
 * sign-in hands over for a moment before the session keeps only the account
 * ({@link SingleSignOn}).
 */
final class ProviderUser implements OidcUser {

	private final OidcUser provided;

	private final CurrentUser user;

	private final String problem;

	ProviderUser(OidcUser provided, CurrentUser user, String problem) {
		this.provided = provided;
		this.user = user;
		this.problem = problem;
	}

	CurrentUser user() {
		return this.user;
	}

	/** Why the mappings gave no role though some matched, else {@code null}. */
	String problem() {
		return this.problem;
	}

	@Override
	public Map<String, Object> getClaims() {
		return this.provided.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return this.provided.getUserInfo();
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.provided.getIdToken();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.provided.getAttributes();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.user.getAuthorities();
	}

	@Override
	public String getName() {
		return this.user.getUsername();
	}

}
