package uk.opcc.cspgrants.security;

import java.util.UUID;

/**
 * The "Create a token" form as sent: what it is for, how many days it works, whether it
 * may only read, the form's key (one token per press) and, for an administrator, whose it
 * is.
 */
record TokenForm(String name, String days, Boolean readOnly, UUID createKey, Long userId) {

	static TokenForm blank() {
		return new TokenForm("", String.valueOf(ApiTokens.DEFAULT_DAYS), false, UUID.randomUUID(), null);
	}

	/** The same answers for the account with {@code id}. */
	TokenForm withUserId(Long id) {
		return new TokenForm(this.name, this.days, this.readOnly, this.createKey, id);
	}

	/** The same answers with a new form key, for another token. */
	TokenForm withNewKey() {
		return new TokenForm(this.name, this.days, this.readOnly, UUID.randomUUID(), this.userId);
	}

	/** True when the box "Read only" was ticked (a box not ticked is not sent). */
	public boolean readsOnly() {
		return Boolean.TRUE.equals(this.readOnly);
	}

}
