package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.Role;

/**
 * The accounts of people who sign in through the organisation's OpenID Connect provider.
 * The first sign-in makes the account (one per issuer and subject, kept by a unique key
 * however many sign-ins arrive at once); every sign-in sets its roles and a CSP manager's
 * partnership from the sign-in mappings switched on, so that a group removed at the
 * provider, or a mapping switched off here, takes the role away at the next sign-in.
 * Changes of role are audited. An account an administrator has disabled cannot sign in
 * this way either.
 */
@Service
public class ProviderAccounts {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final String AUDIT_TYPE = AuditTrail.USER;

	private final JdbcClient jdbc;

	private final UserAccountRepository users;

	private final SignInMappings mappings;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final TransactionTemplate creating;

	private final SecondFactorProperties secondFactors;

	private final ProviderSecondFactorProperties secondFactorShown;

	ProviderAccounts(JdbcClient jdbc, UserAccountRepository users, SignInMappings mappings, AuditTrail auditTrail,
			Clock clock, PlatformTransactionManager transactions, SecondFactorProperties secondFactors,
			ProviderSecondFactorProperties secondFactorShown) {
		this.secondFactors = secondFactors;
		this.secondFactorShown = secondFactorShown;
		this.creating = DataVersions.transactionOf(transactions, ProviderAccounts.class, "create");
		this.jdbc = jdbc;
		this.users = users;
		this.mappings = mappings;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Signs in the person the provider vouched for: their account (made now if new), with
	 * the roles the mappings give their claims.
	 * @throws DisabledException when an administrator has disabled the account
	 */
	@Transactional
	public SignedIn signIn(String issuer, String subject, Map<String, Object> claims) {
		Instant now = this.clock.instant();
		String name = nameOf(claims);
		String email = emailOf(claims);
		long id = accountOf(issuer, subject, name, email, now);
		// one sign-in of the account at a time changes its roles: two at once (two tabs)
		// would otherwise both replace them
		this.jdbc.sql("select id from app_user where id = :id for update").param("id", id).query(Long.class).single();
		ClaimMappings.Granted granted = withoutSecondFactor(ClaimMappings.grant(this.mappings.switchedOn(), claims),
				claims);
		Held before = held(id);
		if (!before.enabled()) {
			throw new DisabledException("This account has been disabled by an administrator");
		}
		// which mappings gave the roles, so that switching one off takes away only its
		// own
		this.jdbc.sql("delete from sign_in_mapping_held where user_id = :id").param("id", id).update();
		for (Long mapping : granted.mappings()) {
			this.jdbc.sql("insert into sign_in_mapping_held (user_id, mapping_id) values (:id, :mapping)")
				.param("id", id)
				.param("mapping", mapping)
				.update();
		}
		if (!before.roles().equals(granted.roles())
				|| !Objects.equals(before.partnershipId(), granted.partnershipId())) {
			this.jdbc.sql("delete from app_user_role where user_id = :id").param("id", id).update();
			for (Role role : granted.roles()) {
				this.jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)")
					.param("id", id)
					.param("role", role.name())
					.update();
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("roles", granted.roles().stream().map(Role::name).sorted().toList());
			after.put("partnershipId", granted.partnershipId());
			after.put("by", "sign-in mappings, at sign-in through " + issuer);
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("roles", before.roles().stream().map(Role::name).sorted().toList());
			was.put("partnershipId", before.partnershipId());
			this.auditTrail.record("ROLES_FROM_SIGN_IN", AUDIT_TYPE, id, was, after);
		}
		this.jdbc.sql("""
				update app_user set display_name = :name, email = :email, partnership_id = :partnership,
				       version = version + 1, updated_at = :now
				where id = :id
				""")
			.param("name", name)
			.param("email", email)
			.param("partnership", granted.partnershipId())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		this.jdbc.sql(
				"update single_sign_on_account set last_signed_in_at = greatest(last_signed_in_at, :now) where user_id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		CurrentUser user = this.users.findById(id)
			.map(UserAccount::toCurrentUser)
			.orElseThrow(() -> new IllegalStateException("The account " + id + " was there and is not"));
		return new SignedIn(user, granted.problem());
	}

	/**
	 * Whether a sign-in's id token shows the provider asked for a second factor: what
	 * lets its session take on, later, a role that requires one.
	 */
	boolean secondFactorShown(Map<String, Object> claims) {
		return this.secondFactorShown.shownBy(claims);
	}

	/**
	 * What the mappings give, unless they give a role that requires a second factor
	 * (finance, say) and the provider's id token does not show it asked for one: then no
	 * role at all this time, and the page says why. Nothing rather than the rest, so that
	 * nobody works with half their roles without knowing.
	 */
	private ClaimMappings.Granted withoutSecondFactor(ClaimMappings.Granted granted, Map<String, Object> claims) {
		List<Role> needing = granted.roles()
			.stream()
			.filter(role -> this.secondFactors.requiredFor().contains(role))
			.sorted()
			.toList();
		if (needing.isEmpty() || this.secondFactorShown.shownBy(claims)) {
			return granted;
		}
		return new ClaimMappings.Granted(Set.of(), null,
				"Your organisation's sign-in did not ask you for a second factor (such as a code or a prompt on your "
						+ "phone), which CSP Grants needs for "
						+ needing.stream().map(Role::label).collect(Collectors.joining(" and "))
						+ ". Sign out, then sign in again with your second factor; if you were not asked for one, "
						+ "ask your IT service desk",
				Set.of());
	}

	/**
	 * Who presents the provider's access token to the API (a machine client, or a person
	 * through another application): their account, made at the first request as at a
	 * first sign-in, with the roles and partnership the sign-in mappings give the token's
	 * claims now. The roles are not stored: the token is checked on every request, so a
	 * mapping switched off, or a group removed at the provider, counts at once. Only the
	 * first request writes (the account); after it the last use is moved on at most once
	 * a minute, outside any transaction the kept pages count as a change.
	 * @throws DisabledException when an administrator has disabled the account
	 */
	public SignedIn presenting(String issuer, String subject, Map<String, Object> claims) {
		Instant now = this.clock.instant();
		Optional<Presenter> found = presenter(issuer, subject);
		if (found.isEmpty()) {
			this.creating
				.executeWithoutResult((status) -> accountOf(issuer, subject, nameOf(claims), emailOf(claims), now));
			found = presenter(issuer, subject);
		}
		Presenter presenter = found
			.orElseThrow(() -> new IllegalStateException("The account of a subject was made and is not there"));
		if (!presenter.enabled()) {
			throw new DisabledException("This account has been disabled by an administrator");
		}
		this.jdbc.sql("""
				update single_sign_on_account set last_signed_in_at = :now
				where user_id = :id and last_signed_in_at < :stale
				""")
			.param("now", Timestamp.from(now))
			.param("id", presenter.id())
			.param("stale", Timestamp.from(now.minusSeconds(60)))
			.update();
		// as at sign-in: a role that needs a second factor only with the token showing
		// one
		ClaimMappings.Granted granted = withoutSecondFactor(ClaimMappings.grant(this.mappings.switchedOn(), claims),
				claims);
		return new SignedIn(new CurrentUser(presenter.id(), presenter.username(), presenter.name(), "", true,
				granted.roles(), granted.partnershipId()), granted.problem());
	}

	private Optional<Presenter> presenter(String issuer, String subject) {
		return this.jdbc.sql("""
				select u.id, u.username, u.display_name, u.enabled from single_sign_on_account s
				join app_user u on u.id = s.user_id where s.issuer = :issuer and s.subject = :subject
				""")
			.param("issuer", issuer)
			.param("subject", subject)
			.query((rs, row) -> new Presenter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.optional();
	}

	/** Whether the account signs in through the organisation's provider. */
	@Transactional(readOnly = true)
	public boolean signsInThroughProvider(long userId) {
		return this.jdbc.sql("select exists (select 1 from single_sign_on_account where user_id = :id)")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The id of the account of this issuer and subject, made now if there is none. Two
	 * first sign-ins at once both make a user, but only one account: the other's insert
	 * does nothing (the unique key waits for the first to commit), and its user is
	 * removed again in the same transaction.
	 */
	private long accountOf(String issuer, String subject, String name, String email, Instant now) {
		Optional<Long> existing = existing(issuer, subject);
		if (existing.isPresent()) {
			return existing.get();
		}
		long id = this.jdbc.sql("select nextval(pg_get_serial_sequence('app_user', 'id'))").query(Long.class).single();
		this.jdbc.sql("""
				insert into app_user (id, username, display_name, password_hash, enabled, email, created_at, updated_at)
				overriding system value values (:id, :username, :name, :password, true, :email, :now, :now)
				""")
			.param("id", id)
			.param("username", "sso." + id)
			.param("name", name)
			.param("password", UnusablePassword.hash())
			.param("email", email)
			.param("now", Timestamp.from(now))
			.update();
		int made = this.jdbc.sql("""
				insert into single_sign_on_account (user_id, issuer, subject, created_at, last_signed_in_at)
				values (:id, :issuer, :subject, :now, :now)
				on conflict on constraint single_sign_on_account_once do nothing
				""")
			.param("id", id)
			.param("issuer", issuer)
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.update();
		if (made == 0) {
			this.jdbc.sql("delete from app_user where id = :id").param("id", id).update();
			return existing(issuer, subject)
				.orElseThrow(() -> new IllegalStateException("The account of a subject was there and is not"));
		}
		Map<String, Object> created = new LinkedHashMap<>();
		created.put("username", "sso." + id);
		created.put("name", name);
		created.put("email", email);
		created.put("signsInThrough", issuer);
		this.auditTrail.record("CREATE", AUDIT_TYPE, id, null, created);
		return id;
	}

	private Optional<Long> existing(String issuer, String subject) {
		return this.jdbc.sql("select user_id from single_sign_on_account where issuer = :issuer and subject = :subject")
			.param("issuer", issuer)
			.param("subject", subject)
			.query(Long.class)
			.optional();
	}

	private Held held(long id) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roles.addAll(this.jdbc.sql("select role from app_user_role where user_id = :id")
			.param("id", id)
			.query((rs, row) -> Role.valueOf(rs.getString(1)))
			.list());
		return this.jdbc.sql("select enabled, partnership_id from app_user where id = :id")
			.param("id", id)
			.query((rs, row) -> new Held(rs.getBoolean(1), roles, (Long) rs.getObject(2)))
			.single();
	}

	/** The person's name as the provider gives it, else their username there. */
	static String nameOf(Map<String, Object> claims) {
		for (String claim : List.of("name", "preferred_username", "email")) {
			Object value = claims.get(claim);
			if (value != null && !String.valueOf(value).isBlank()) {
				String name = String.valueOf(value).strip();
				return (name.length() <= 120) ? name : name.substring(0, 120);
			}
		}
		return "Signed in through your organisation";
	}

	/** Their e-mail address, when the provider gives one this service can send to. */
	static String emailOf(Map<String, Object> claims) {
		Object value = claims.get("email");
		if (value == null) {
			return null;
		}
		String email = String.valueOf(value).strip();
		return (email.length() <= 254 && EMAIL.matcher(email).matches()) ? email : null;
	}

	private record Presenter(long id, String username, String name, boolean enabled) {
	}

	private record Held(boolean enabled, Set<Role> roles, Long partnershipId) {

	}

	/**
	 * Who signed in, and why the mappings gave them no role when they match but conflict.
	 */
	public record SignedIn(CurrentUser user, String problem) {

	}

}
