package uk.opcc.cspgrants.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

/**
 * When the person in a session last proved who they are: their sign-in, or their password
 * typed again on the page that asks for it before a change to how they or others sign in
 * (OWASP ASVS 3.7.1). Plain rules over the session's attributes.
 */
final class RecentProof {

	static final String CONFIRMED = RecentProof.class.getName() + ".CONFIRMED";

	private RecentProof() {
	}

	/**
	 * Whether {@code userId} proved who they are in this session less than {@code within}
	 * ago.
	 */
	static boolean recent(HttpSession session, long userId, Instant now, Duration within) {
		Instant last = last(session, userId);
		return last != null && now.isBefore(last.plus(within));
	}

	/** The later of the session's sign-in and its last confirmation, for this person. */
	static Instant last(HttpSession session, long userId) {
		Instant signedIn = (session.getAttribute(SignedInSession.ATTRIBUTE) instanceof SignedInSession recorded
				&& recorded.userId() == userId) ? recorded.at() : null;
		Instant confirmed = (session.getAttribute(CONFIRMED) instanceof Confirmed again && again.userId() == userId)
				? again.at() : null;
		if (signedIn == null) {
			return confirmed;
		}
		return (confirmed != null && confirmed.isAfter(signedIn)) ? confirmed : signedIn;
	}

	/** {@code userId} typed their password again in this session {@code now}. */
	static void confirmed(HttpSession session, long userId, Instant now) {
		session.setAttribute(CONFIRMED, new Confirmed(userId, now));
	}

	/** A password typed again, by whom and when. */
	record Confirmed(long userId, Instant at) implements Serializable {

	}

}
