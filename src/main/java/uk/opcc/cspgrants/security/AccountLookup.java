package uk.opcc.cspgrants.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import uk.opcc.cspgrants.shared.Usernames;

/** Finds the account behind a username at sign-in. */
class AccountLookup implements UserDetailsService {

	private final UserAccountRepository users;

	private final SingleSignOnProperties signOn;

	AccountLookup(UserAccountRepository users) {
		this(users, new SingleSignOnProperties(true, java.util.List.of(), java.time.Duration.ofDays(30)));
	}

	AccountLookup(UserAccountRepository users, SingleSignOnProperties signOn) {
		this.users = users;
		this.signOn = signOn;
	}

	/**
	 * The account of the username typed, normalised; a username no account could have is
	 * not looked up, and fails like an unknown one. An applicant's account fails the same
	 * way: applicants sign in only by a link sent to their address
	 * ({@link ApplicantSignIn}), never with a password, on a page or through the API, and
	 * so does the account of someone who signs in through the organisation's provider. So
	 * does every username but the break-glass ones when local accounts are switched off
	 * ({@link SingleSignOnProperties}), and a service account's, which acts only through
	 * its API tokens.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		String normalised = Usernames.normalise(username);
		if (!Usernames.isAllowed(normalised) || !this.signOn.passwordSignInAllowed(normalised)) {
			throw new UsernameNotFoundException("No such user");
		}
		return this.users.findByUsername(normalised)
			.filter(account -> !account.isServiceAccount())
			.map(UserAccount::toCurrentUser)
			.filter(user -> !user.isApplicant() && !this.users.signsInThroughProvider(user.id()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
