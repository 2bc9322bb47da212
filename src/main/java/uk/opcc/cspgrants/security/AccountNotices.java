package uk.opcc.cspgrants.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * Tells people of changes to how their account signs in (OWASP ASVS 2.2.3 and 2.5.x): a
 * new password (their own or an administrator's), the second factor set up, turned off or
 * reset, a recovery code used, a lock-out. By e-mail where they have an address and a
 * mail service is set up, otherwise in their messages; published in the transaction of
 * the change, so a change rolled back tells nobody. The words are in
 * {@code notifications/security.properties}.
 */
@Component
class AccountNotices {

	private final ApplicationEventPublisher events;

	AccountNotices(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** Their password was changed: by themselves, or by an administrator named. */
	void passwordChanged(String username, String byAdministrator, Instant at, String networkAddress) {
		if (byAdministrator == null) {
			tell(username, "password-changed", at, "/account/password", "networkAddress", networkAddress);
		}
		else {
			tell(username, "password-reset", at, "/account/password", "admin", byAdministrator);
		}
	}

	/** A second factor was set up on their account. */
	void secondFactorSetUp(String username, Instant at) {
		tell(username, "second-factor-set-up", at, "/account/second-factor");
	}

	/** Their second factor was turned off by themselves, or reset by an administrator. */
	void secondFactorRemoved(String username, String byAdministrator, Instant at) {
		if (byAdministrator == null) {
			tell(username, "second-factor-turned-off", at, "/account/second-factor");
		}
		else {
			tell(username, "second-factor-reset", at, "/account/second-factor", "admin", byAdministrator);
		}
	}

	/** A recovery code signed in as them. */
	void recoveryCodeUsed(String username, Instant at, int left) {
		tell(username, "recovery-code-used", at, "/account/second-factor", "left", String.valueOf(left));
	}

	/** Too many wrong passwords or codes locked signing in as them. */
	/** New recovery codes were made for the account: the old ones stopped working. */
	void recoveryCodesMade(String username, Instant at) {
		tell(username, "recovery-codes-made", at, "/account/second-factor");
	}

	void lockedOut(String username, Instant at, long minutes, String networkAddress) {
		tell(username, "sign-in-locked", at, "/login", "minutes", String.valueOf(minutes), "networkAddress",
				networkAddress);
	}

	/** The name of whoever is signed in, making the change: "Ada Admin". */
	static String signedInName() {
		org.springframework.security.core.Authentication signedIn = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		return (signedIn != null && signedIn.getPrincipal() instanceof uk.opcc.cspgrants.shared.CurrentUser user)
				? user.displayName() : "An administrator";
	}

	private void tell(String username, String template, Instant at, String link, String... values) {
		Map<String, String> words = new LinkedHashMap<>();
		words.put("at", Dates.dayAndTime(at));
		for (int i = 0; i < values.length; i += 2) {
			words.put(values[i], values[i + 1]);
		}
		this.events.publishEvent(new Notice(template + ":" + username + ":" + at.toEpochMilli(), null, template, words,
				link, Audience.users(username)));
	}

}
