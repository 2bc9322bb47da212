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

	/** True when the box "Read only" was ticked (a box not ticked is not sent). */
	public boolean readsOnly() {
		return Boolean.TRUE.equals(this.readOnly);
	}

}
