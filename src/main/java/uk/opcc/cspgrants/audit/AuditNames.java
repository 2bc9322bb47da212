package uk.opcc.cspgrants.audit;

import java.util.Optional;

/**
 * The names people use for what the audit trail stores by key: a person's name for a
 * username, a partnership's name for its code or id, and a grant's partnership and year.
 * Each answers with the key itself (or empty) when it knows no name.
 */
public interface AuditNames {

	/** "Olu Officer" for {@code officer}. */
	String person(String username);

	/** "Leicester" for {@code LEI}. */
	String partnership(String code);

	/** "Leicester" for the partnership's id. */
	String partnershipById(String id);

	/** "Fay Finance" for a user's id. */
	String user(String id);

	/** "Leicester for 2024-25" for a grant's id. */
	Optional<String> grant(String id);

	/** Names that know nothing: every key stands for itself. */
	AuditNames NONE = new AuditNames() {

		@Override
		public String person(String username) {
			return username;
		}

		@Override
		public String partnership(String code) {
			return code;
		}

		@Override
		public String partnershipById(String id) {
			return id;
		}

		@Override
		public String user(String id) {
			return id;
		}

		@Override
		public Optional<String> grant(String id) {
			return Optional.empty();
		}

	};

}
