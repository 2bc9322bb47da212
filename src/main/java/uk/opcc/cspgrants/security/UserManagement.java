package uk.opcc.cspgrants.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validator;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import uk.opcc.cspgrants.shared.Usernames;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.FieldRefusals;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Administrators create users, set their roles, e-mail addresses and managers, link CSP
 * managers to a partnership, disable them and reset their passwords. Every change is
 * audited; passwords never are.
 */
@Service
@Validated
@Transactional
public class UserManagement {

	static final String AUDIT_TYPE = AuditTrail.USER;

	private final UserAccountRepository users;

	private final PartnershipManagement partnerships;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final Validator validator;

	private final OrganisationChoices organisations;

	private final AccountNotices notices;

	private final SessionEnds sessionEnds;

	private final SignInThrottle throttle;

	UserManagement(UserAccountRepository users, PartnershipManagement partnerships, PasswordEncoder passwordEncoder,
			AuditTrail auditTrail, Clock clock, Validator validator, OrganisationChoices organisations,
			AccountNotices notices, SessionEnds sessionEnds, SignInThrottle throttle) {
		this.throttle = throttle;
		this.notices = notices;
		this.sessionEnds = sessionEnds;
		this.organisations = organisations;
		this.validator = validator;
		this.users = users;
		this.partnerships = partnerships;
		this.passwordEncoder = passwordEncoder;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<UserView> list() {
		return this.users.findAllWithRoles().stream().map(UserAccount::toView).toList();
	}

	@Transactional(readOnly = true)
	public UserView get(long id) {
		return find(id).toView();
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return find(username).isPresent();
	}

	/**
	 * The principal of an enabled user, for work the system does on their behalf (such as
	 * loading demo data); empty if there is no such enabled user.
	 */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> principalOf(String username) {
		return find(username).map(UserAccount::toCurrentUser).filter(CurrentUser::isEnabled);
	}

	private Optional<UserAccount> find(String username) {
		String normalised = Usernames.normalise(username);
		return Usernames.isAllowed(normalised) ? this.users.findByUsername(normalised) : Optional.empty();
	}

	/**
	 * Whether the account signs in through the organisation's provider (no password
	 * here).
	 */
	@Transactional(readOnly = true)
	public boolean signsInThroughProvider(long id) {
		return this.users.signsInThroughProvider(id);
	}

	@Transactional(readOnly = true)
	public boolean anEnabledAdministratorExists() {
		return this.users.existsEnabledWithRole(Role.ADMIN);
	}

	/**
	 * Adds a user whose first password an administrator typed: they choose their own at
	 * their first sign-in. As {@link #create(String, AccountDetails, String)} otherwise.
	 */
	public UserView createWithFirstPassword(String username, AccountDetails details, String password) {
		return create(username, details, password, true);
	}

	/**
	 * Adds a user. Every problem with the form is reported at once, in the order of the
	 * form: username, name, e-mail address, roles, partnership, manager, password.
	 */
	public UserView create(String username, AccountDetails details, String password) {
		return create(username, details, password, false);
	}

	private UserView create(String username, AccountDetails details, String password, boolean toChange) {
		String name = Usernames.normalise(username);
		FieldRefusals refusals = usernameRefusals(name);
		refusals.add(this.validator.validate(details));
		refusals.check(() -> notApplicant(details));
		refusals.check(() -> reviewerAlone(details));
		Optional<Long> partnershipId = refusals.attempt(() -> partnershipFor(details));
		Optional<Long> organisationId = refusals.attempt(() -> organisationFor(details));
		refusals.check(() -> checkManager(details, null));
		refusals.check(() -> PasswordPolicy.check("password", password,
				java.util.Arrays.asList(name, details.displayName(), details.email())));
		refusals.throwIfAny();
		UserAccount account = new UserAccount(name, this.passwordEncoder.encode(password), now());
		if (toChange) {
			account.passwordToBeChangedByItsPerson();
		}
		account.change(details.displayName(), details.email(), details.roles(), partnershipId.orElse(null),
				organisationId.orElse(null), details.managerId(), now());
		return saveNew(account, username);
	}

	/** The refusals of a new account so far: its username's, if it cannot be one. */
	private static FieldRefusals usernameRefusals(String normalised) {
		FieldRefusals refusals = new FieldRefusals();
		if (!Usernames.isAllowed(normalised)) {
			refusals.add("username",
					"The username must be 3 to 60 letters a to z, digits, dots, dashes, underscores or @");
		}
		return refusals;
	}

	/**
	 * Saves a new account, once however many are sent at once: a username taken (now, or
	 * by one saved at the same moment, by the unique index) is refused on its field.
	 * Audited.
	 */
	private UserView saveNew(UserAccount account, String typedUsername) {
		ConflictException taken = new ConflictException("username",
				"The username " + typedUsername.strip() + " is already taken");
		if (this.users.findByUsername(account.getUsername()).isPresent()) {
			throw taken;
		}
		UserView created = DatabaseRefusal
			.orFieldConflict(() -> this.users.saveAndFlush(account), Map.of("app_user_username_unique", taken))
			.toView();
		this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, created);
		return created;
	}

	/**
	 * Adds a service account: an account for a program (the force's finance ledger, say),
	 * which acts only through the API tokens an administrator makes for it. It never
	 * signs in, is given no work or message, and has no e-mail address or manager. Every
	 * problem is reported at once.
	 */
	public UserView createServiceAccount(String username, AccountDetails details) {
		String name = Usernames.normalise(username);
		FieldRefusals refusals = usernameRefusals(name);
		refusals.check(() -> programDetails(details));
		Optional<Long> partnershipId = refusals.attempt(() -> partnershipFor(details));
		refusals.throwIfAny();
		UserAccount account = UserAccount.serviceAccount(name, now());
		account.change(details.displayName(), null, details.roles(), partnershipId.orElse(null), null, null, now());
		return saveNew(account, username);
	}

	/**
	 * What a program's account may be: named for what it is for, with roles that may hold
	 * API tokens but not an administrator's (whose work is done on the pages, by a
	 * person), and no e-mail address or manager.
	 */
	private void programDetails(AccountDetails details) {
		Map<String, String> refusals = new java.util.LinkedHashMap<>();
		if (details.displayName() == null || details.displayName().isEmpty()) {
			refusals.put("displayName", "Enter what the account is for, such as Finance ledger");
		}
		else if (details.displayName().length() > 120) {
			refusals.put("displayName", "The name must be 120 characters or fewer");
		}
		if (details.roles().isEmpty()) {
			refusals.put("roles", "Choose at least one role");
		}
		details.roles()
			.stream()
			.filter(role -> role == Role.ADMIN || !role.holdsApiTokens())
			.findFirst()
			.ifPresent(role -> refusals.put("roles",
					"A service account cannot be " + ((role == Role.ADMIN) ? "an " : "a ") + role.label()
							+ ((role == Role.ADMIN) ? ": administrators' work is done on the pages, by a person"
									: ": that role holds no API token")));
		if (details.email() != null) {
			refusals.put("email", "A service account has no email address: it is never sent messages");
		}
		if (details.managerId() != null) {
			refusals.put("managerId", "A service account has no manager: it is given no work");
		}
		if (!refusals.isEmpty()) {
			throw new ValidationException(refusals);
		}
	}

	/**
	 * Changes a user's name, e-mail address, roles, partnership and manager; every
	 * problem reported at once.
	 */
	public UserView update(long id, AccountDetails details, long expectedVersion, CurrentUser actor) {
		UserAccount account = find(id);
		UserView before = checkVersion(account, expectedVersion);
		if (before.has(Role.APPLICANT)) {
			throw new ValidationException("roles",
					"An applicant's account is theirs, made with their email address: it cannot be changed here");
		}
		FieldRefusals refusals = new FieldRefusals();
		if (account.isServiceAccount()) {
			refusals.check(() -> programDetails(details));
		}
		else {
			refusals.add(this.validator.validate(details));
		}
		refusals.check(() -> notApplicant(details));
		if (actor.id() == id && !details.roles().contains(Role.ADMIN)) {
			refusals.add("roles", "You cannot remove your own administrator role");
		}
		Optional<Long> partnershipId = refusals.attempt(() -> partnershipFor(details));
		Optional<Long> organisationId = refusals.attempt(() -> organisationFor(details));
		refusals.check(() -> checkManager(details, id));
		refusals.throwIfAny();
		account.change(details.displayName(), details.email(), details.roles(), partnershipId.orElse(null),
				organisationId.orElse(null), details.managerId(), now());
		UserView after = DatabaseRefusal.orConflict(() -> this.users.saveAndFlush(account), Map.of()).toView();
		this.auditTrail.record("UPDATE", AUDIT_TYPE, id, before, after);
		return after;
	}

	public UserView disable(long id, long expectedVersion, CurrentUser actor) {
		if (actor.id() == id) {
			throw new ValidationException("enabled", "You cannot disable your own account");
		}
		return setEnabled(id, false, expectedVersion, "DISABLE");
	}

	public UserView enable(long id, long expectedVersion) {
		return setEnabled(id, true, expectedVersion, "ENABLE");
	}

	/**
	 * Sets a new password chosen by an administrator; the audit trail records that, not
	 * the password.
	 */
	public void resetPassword(long id, String newPassword, CurrentUser actor) {
		if (actor != null && actor.id() == id) {
			throw new ValidationException("newPassword",
					"This is your own account: change your password on Password at the top of the page, which keeps "
							+ "you signed in");
		}
		UserAccount account = find(id);
		if (account.isServiceAccount()) {
			throw new ValidationException("newPassword",
					"A service account never signs in, so it has no password: its program uses an API token");
		}
		if (account.toView().has(Role.APPLICANT)) {
			throw new ValidationException("newPassword",
					"An applicant signs in by a link emailed to them each time, so has no password to reset");
		}
		if (this.users.signsInThroughProvider(id)) {
			throw new ValidationException("newPassword",
					"This person signs in with their organisation's account, so has no password here to reset");
		}
		UserView person = account.toView();
		PasswordPolicy.check("newPassword", newPassword,
				java.util.Arrays.asList(person.username(), person.displayName(), person.email()));
		account.passwordSetByAdministrator(this.passwordEncoder.encode(newPassword), now());
		// whoever knew the old password is signed out everywhere
		account.endSessions(Instant.now());
		this.sessionEnds.alsoOnceCommitted(id);
		DatabaseRefusal.orConflict(() -> this.users.saveAndFlush(account), Map.of());
		// a lock-out ends with the new password (the person asked for it to be reset)
		this.throttle.unlocked(person.username());
		this.auditTrail.record("RESET_PASSWORD", AUDIT_TYPE, id, null, null);
		this.notices.passwordChanged(person.username(), AccountNotices.signedInName(), Instant.now(), null);
	}

	private UserView setEnabled(long id, boolean enabled, long expectedVersion, String action) {
		UserAccount account = find(id);
		UserView before = checkVersion(account, expectedVersion);
		account.setEnabled(enabled, now());
		if (!enabled) {
			account.endSessions(Instant.now());
			this.sessionEnds.alsoOnceCommitted(id);
		}
		UserView after = DatabaseRefusal.orConflict(() -> this.users.saveAndFlush(account), Map.of()).toView();
		this.auditTrail.record(action, AUDIT_TYPE, id, before, after);
		return after;
	}

	/**
	 * A CSP manager is linked to exactly one partnership and holds no other role, since
	 * the other roles would let them see every partnership. Nobody else is linked to one.
	 */
	private Long partnershipFor(AccountDetails details) {
		Set<Role> roles = details.roles();
		if (!roles.contains(Role.CSP_MANAGER)) {
			return null;
		}
		if (roles.size() > 1) {
			throw new ValidationException("roles", "A CSP manager cannot hold any other role");
		}
		if (details.partnershipCode() == null) {
			throw new ValidationException("partnershipCode", "Choose the partnership this CSP manager manages");
		}
		PartnershipView partnership = this.partnerships.findByCode(details.partnershipCode())
			.orElseThrow(() -> new ValidationException("partnershipCode",
					"There is no partnership with the code " + details.partnershipCode()));
		return partnership.id();
	}

	/**
	 * A recipient contact acts for exactly one organisation and holds no other role,
	 * since every other role would let them see other recipients' grants. Nobody else is
	 * linked to an organisation.
	 */
	private Long organisationFor(AccountDetails details) {
		Set<Role> roles = details.roles();
		if (!roles.contains(Role.RECIPIENT)) {
			return null;
		}
		if (roles.size() > 1) {
			throw new ValidationException("roles", "A recipient contact cannot hold any other role");
		}
		if (details.organisationId() == null) {
			throw new ValidationException("organisationId", "Choose the organisation this recipient contact acts for");
		}
		return this.organisations.find(details.organisationId())
			.map(OrganisationChoices.Choice::id)
			.orElseThrow(() -> new ValidationException("organisationId",
					"There is no organisation with the id " + details.organisationId()));
	}

	/**
	 * Nobody is made an applicant here: an applicant's account is made when they ask for
	 * a sign-in link with their email address ({@link ApplicantSignIn}).
	 */
	private static void notApplicant(AccountDetails details) {
		if (details.roles().contains(Role.APPLICANT)) {
			throw new ValidationException("roles",
					"Applicants' accounts are made when they ask for a sign-in link, not here");
		}
	}

	/**
	 * A themed reviewer, from outside the OPCC, holds no other role: every other role
	 * would let them see more than the applications assigned to them.
	 */
	private static void reviewerAlone(AccountDetails details) {
		if (details.roles().contains(Role.REVIEWER) && details.roles().size() > 1) {
			throw new ValidationException("roles", "A themed reviewer cannot hold any other role");
		}
	}

	/**
	 * A manager is someone else on the OPCC's staff whose account is enabled: the person
	 * an overdue return of theirs is escalated to.
	 */
	private void checkManager(AccountDetails details, Long ownId) {
		if (details.managerId() == null) {
			return;
		}
		if (details.managerId().equals(ownId)) {
			throw new ValidationException("managerId", "Choose someone else as the person's manager");
		}
		this.users.findById(details.managerId())
			.map(UserAccount::toView)
			.filter(UserView::enabled)
			.filter(UserView::onTheStaff)
			.orElseThrow(() -> new ValidationException("managerId",
					"Choose the person's manager from the OPCC's staff who can sign in"));
	}

	private static UserView checkVersion(UserAccount account, long expectedVersion) {
		if (account.getVersion() != expectedVersion) {
			throw ConflictException.changedBySomeoneElse();
		}
		return account.toView();
	}

	private UserAccount find(long id) {
		return this.users.findById(id).orElseThrow(() -> new NotFoundException("There is no user with the id " + id));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
