package uk.opcc.cspgrants.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "partnership_id")
	private Long partnershipId;

	@Column(name = "organisation_id")
	private Long organisationId;

	@Column
	private String email;

	@Column(name = "manager_id")
	private Long managerId;

	@ElementCollection
	@CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = new HashSet<>();

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** Made for a program: acts only through API tokens, never signs in. */
	@Column(name = "service_account", nullable = false, updatable = false)
	private boolean serviceAccount;

	/** When the password was last set, in real time. */
	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	/**
	 * True while the password is one an administrator set: its person chooses their own
	 * before any other page.
	 */
	@Column(name = "password_to_change", nullable = false)
	private boolean passwordToChange;

	/**
	 * The SHA-256 of the id of the one session that goes on past {@link #sessionsEndedAt}
	 * (where its person changed the password), or none.
	 */
	@Column(name = "session_kept_hash")
	private String sessionKeptHash;

	/** Sessions signed in before this are ended at their next request. */
	@Column(name = "sessions_ended_at")
	private Instant sessionsEndedAt;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash, Instant now) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.createdAt = now;
		this.updatedAt = now;
		this.passwordChangedAt = Instant.now();
	}

	/**
	 * An account for a program: its password hash is one no password gives (and sign-in
	 * refuses it anyway).
	 */
	static UserAccount serviceAccount(String username, Instant now) {
		UserAccount account = new UserAccount(username, UnusablePassword.hash(), now);
		account.serviceAccount = true;
		return account;
	}

	boolean isServiceAccount() {
		return this.serviceAccount;
	}

	void change(String displayName, String email, Set<Role> roles, Long partnershipId, Long managerId, Instant now) {
		change(displayName, email, roles, partnershipId, null, managerId, now);
	}

	void change(String displayName, String email, Set<Role> roles, Long partnershipId, Long organisationId,
			Long managerId, Instant now) {
		this.organisationId = organisationId;
		this.displayName = displayName;
		this.email = email;
		this.managerId = managerId;
		this.roles.clear();
		this.roles.addAll(roles);
		this.partnershipId = partnershipId;
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
		this.passwordChangedAt = Instant.now();
	}

	/**
	 * An administrator set the password (a new account's first, or a reset): known to
	 * them as well, it is to be changed by its person at their next sign-in.
	 */
	void passwordSetByAdministrator(String passwordHash, Instant now) {
		changePassword(passwordHash, now);
		passwordToBeChangedByItsPerson();
	}

	/** The password is to be changed by its person at their next sign-in. */
	void passwordToBeChangedByItsPerson() {
		this.passwordToChange = true;
	}

	void setEnabled(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
	}

	/**
	 * Ends every session signed in before {@code at}, on the real clock (sessions are
	 * timed by it, whatever a demo's clock says), at its next request.
	 */
	void endSessions(Instant at) {
		this.sessionsEndedAt = at;
		this.sessionKeptHash = null;
	}

	String getUsername() {
		return this.username;
	}

	long getId() {
		return this.id;
	}

	long getVersion() {
		return this.version;
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(this.id, this.username, this.displayName, this.passwordHash, this.enabled, this.roles,
				this.partnershipId, this.organisationId);
	}

	UserView toView() {
		return new UserView(this.id, this.username, this.displayName,
				this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(this.roles), this.partnershipId,
				this.enabled, this.version, this.email, this.managerId, this.organisationId, this.serviceAccount);
	}

}
