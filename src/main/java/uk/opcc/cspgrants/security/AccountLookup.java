package uk.opcc.cspgrants.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import uk.opcc.cspgrants.shared.Usernames;

/** Finds the account behind a username at sign-in. */
class AccountLookup implements UserDetailsService {

	private final UserAccountRepository users;

	AccountLookup(UserAccountRepository users) {
		this.users = users;
	}

	/**
	 * The account of the username typed, normalised; a username no account could have is
	 * not looked up, and fails like an unknown one. An applicant's account fails the same
	 * way: applicants sign in only by a link sent to their address
	 * ({@link ApplicantSignIn}), never with a password, on a page or through the API.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		String normalised = Usernames.normalise(username);
		if (!Usernames.isAllowed(normalised)) {
			throw new UsernameNotFoundException("No such user");
		}
		return this.users.findByUsername(normalised)
			.map(UserAccount::toCurrentUser)
			.filter(user -> !user.isApplicant())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
