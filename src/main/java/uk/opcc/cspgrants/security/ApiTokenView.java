package uk.opcc.cspgrants.security;

import java.time.Instant;

/**
 * An API token as its owner and administrators see it: never its secret.
 *
 * @param id its number
 * @param userId the user it acts as
 * @param username that user's username
 * @param userName that user's name
 * @param name what it is for ("Finance ledger")
 * @param prefix its first characters ({@code cspg_Ab3d})
 * @param readOnly true when it may only read
 * @param createdAt when it was made
 * @param createdBy who made it
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, if it was
 * @param revokedBy who revoked it
 * @param lastUsedAt when it was last used (to the minute), if ever
 * @param holderEnabled false while the account it acts as is disabled (it works again
 * once the account is enabled)
 */
public record ApiTokenView(long id, long userId, String username, String userName, String name, String prefix,
		boolean readOnly, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy,
		Instant lastUsedAt, boolean holderEnabled) {

	/**
	 * Whether it works at {@code now}, in the words of the list: not while its account is
	 * disabled.
	 */
	public String status(Instant now) {
		if (this.revokedAt != null) {
			return "Revoked";
		}
		if (!this.holderEnabled) {
			return "Account disabled";
		}
		return now.isBefore(this.expiresAt) ? "Active" : "Expired";
	}

	/** True when it can still be revoked (it is not yet). */
	public boolean revocable() {
		return this.revokedAt == null;
	}

}
