package uk.opcc.cspgrants.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Usernames;

/**
 * Every sign-in to a staff account, and every refused one, in the audit trail (OWASP ASVS
 * 7.2.1): who signed in, how (a password alone, with a second factor, through the
 * organisation's provider, a break-glass account) and from which network address; a wrong
 * password or code and a lock-out against the account they were tried on. A refusal of a
 * username no account has is written to the log only (without the username, which may be
 * a password typed in the wrong box): the trail holds events about accounts, and nobody
 * guessing names can make it grow without end. A request to the API is not a sign-in: a
 * token's use is its "last used", and HTTP Basic's wrong passwords are counted like the
 * page's.
 */
@Component
class SignInEvents {

	private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

	static final String SIGN_IN = "SIGN_IN";

	static final String SIGN_IN_REFUSED = "SIGN_IN_REFUSED";

	static final String LOCKED_OUT = "LOCKED_OUT";

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final SingleSignOnProperties signOn;

	private final SignInProperties throttle;

	private final AccountNotices notices;

	SignInEvents(JdbcClient jdbc, AuditTrail auditTrail, SingleSignOnProperties signOn, SignInProperties throttle,
			AccountNotices notices) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.auditTrail = auditTrail;
		this.signOn = signOn;
		this.throttle = throttle;
	}

	/** Someone signed in to their account, {@code how} in words ("a password"). */
	@Transactional
	public void signedIn(CurrentUser user, String how) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("how", how);
		boolean breakGlass = !this.signOn.localAccounts()
				&& this.signOn.breakGlassUsernames().contains(user.getUsername());
		if (breakGlass) {
			event.put("breakGlass", true);
		}
		String address = networkAddress();
		event.put("networkAddress", address);
		this.auditTrail.recordAs(user.getUsername(), SIGN_IN, AuditTrail.USER, user.id(), null, event);
		if (breakGlass) {
			log.warn("The break-glass account {} signed in with a password from {}", user.getUsername(), address);
		}
		else {
			log.info("{} signed in with {} from {}", user.getUsername(), how, address);
		}
	}

	/**
	 * A password or code typed for a username was refused, {@code reason} in words ("a
	 * wrong password"); {@code lockedNow} when this refusal locked the username.
	 */
	@Transactional
	public void refused(String typedUsername, String reason, boolean lockedNow) {
		String address = networkAddress();
		Optional<Account> account = account(typedUsername);
		if (account.isEmpty()) {
			log.info("A sign-in with a username no account has was refused ({}) from {}", reason, address);
			return;
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("reason", reason);
		event.put("networkAddress", address);
		this.auditTrail.recordAs(AuditTrail.SYSTEM, SIGN_IN_REFUSED, AuditTrail.USER, account.get().id(), null, event);
		log.info("A sign-in as {} was refused ({}) from {}", account.get().username(), reason, address);
		if (lockedNow) {
			Map<String, Object> locked = new LinkedHashMap<>();
			locked.put("failures", this.throttle.maxFailedAttempts());
			locked.put("lockedForMinutes", this.throttle.lockoutMinutes());
			locked.put("networkAddress", address);
			this.auditTrail.recordAs(AuditTrail.SYSTEM, LOCKED_OUT, AuditTrail.USER, account.get().id(), null, locked);
			this.notices.lockedOut(account.get().username(), java.time.Instant.now(), this.throttle.lockoutMinutes(),
					address);
			log.warn("Signing in as {} is locked for {} minutes after {} failures, the last from {}",
					account.get().username(), this.throttle.lockoutMinutes(), this.throttle.maxFailedAttempts(),
					address);
		}
	}

	/** Why a password was refused, in words, from what the check threw. */
	static String passwordRefusal(Throwable failure) {
		if (failure instanceof org.springframework.security.authentication.DisabledException) {
			return "the account is disabled";
		}
		if (failure instanceof org.springframework.security.core.userdetails.UsernameNotFoundException) {
			return "a password, for an account that does not sign in with one here";
		}
		return "a wrong password" + (throughTheApi() ? " (HTTP Basic, through the API)" : "");
	}

	private Optional<Account> account(String typedUsername) {
		String normalised = Usernames.normalise((typedUsername != null) ? typedUsername : "");
		if (!Usernames.isAllowed(normalised)) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id, username from app_user where username = :username")
			.param("username", normalised)
			.query((rs, row) -> new Account(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	private static Optional<HttpServletRequest> request() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? Optional.of(attributes.getRequest()) : Optional.empty();
	}

	/**
	 * The address the request came from (the client's, behind a proxy that sets
	 * {@code X-Forwarded-For}: {@code server.forward-headers-strategy=native}).
	 */
	private static String networkAddress() {
		return request().map(HttpServletRequest::getRemoteAddr).orElse("unknown");
	}

	private static boolean throughTheApi() {
		return request().map(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/"))
			.orElse(false);
	}

	private record Account(long id, String username) {

	}

}
