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

	static final String THROUGH_PROVIDER = RecentProof.class.getName() + ".THROUGH_PROVIDER";

	static final String FORM_OPENED = RecentProof.class.getName() + ".FORM_OPENED";

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

	/**
	 * When this person last proved who they are in this session: for a sign-in through
	 * the organisation's provider, when the provider last asked for their password (the
	 * id token's {@code auth_time}, not when this session began: the provider may sign
	 * them in silently on a session of its own); otherwise the later of the session's
	 * sign-in and its last confirmation.
	 */
	static Instant last(HttpSession session, long userId) {
		if (session.getAttribute(THROUGH_PROVIDER) instanceof Confirmed provider) {
			return (provider.userId() == userId) ? provider.at() : null;
		}
		Instant signedIn = (session.getAttribute(SignedInSession.ATTRIBUTE) instanceof SignedInSession recorded
				&& recorded.userId() == userId) ? recorded.at() : null;
		Instant confirmed = (session.getAttribute(CONFIRMED) instanceof Confirmed again && again.userId() == userId)
				? again.at() : null;
		if (signedIn == null) {
			return confirmed;
		}
		return (confirmed != null && confirmed.isAfter(signedIn)) ? confirmed : signedIn;
	}

	/**
	 * {@code userId} signed in to this session through the organisation's provider, which
	 * last asked for their password {@code authenticatedAt} (null when it did not say:
	 * then only a sign-in that asks again proves who they are).
	 */
	static void signedInThroughProvider(HttpSession session, long userId, Instant authenticatedAt) {
		session.setAttribute(THROUGH_PROVIDER, new Confirmed(userId, authenticatedAt));
	}

	/**
	 * A sensitive page was opened in this session {@code now}, while its proof was
	 * recent.
	 */
	static void formOpened(HttpSession session, long userId, Instant now) {
		session.setAttribute(FORM_OPENED, new Confirmed(userId, now));
	}

	/**
	 * Whether a sensitive page was opened in this session by {@code userId} (so while
	 * their proof was recent) less than {@code within} ago: a form sent from it may be
	 * saved though the proof has grown old meanwhile.
	 */
	static boolean formOpenedWithin(HttpSession session, long userId, Instant now, Duration within) {
		return session.getAttribute(FORM_OPENED) instanceof Confirmed opened && opened.userId() == userId
				&& opened.at() != null && now.isBefore(opened.at().plus(within));
	}

	/** {@code userId} typed their password again in this session {@code now}. */
	static void confirmed(HttpSession session, long userId, Instant now) {
		session.setAttribute(CONFIRMED, new Confirmed(userId, now));
	}

	/** A password typed again, by whom and when. */
	record Confirmed(long userId, Instant at) implements Serializable {

	}

}
