package uk.opcc.cspgrants.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Finds the account behind a username at sign-in. */
class AccountLookup implements UserDetailsService {

	private final UserAccountRepository users;

	AccountLookup(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsername(username)
			.map(UserAccount::toCurrentUser)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
