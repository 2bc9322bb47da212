package uk.opcc.cspgrants.shared;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What PostgreSQL refused a change by: a unique key, a check, a foreign key, or one of
 * this application's triggers, which name the rule they enforce as their constraint. The
 * database is the last line of defence; this turns its refusal into words for the user.
 */
public final class DatabaseRefusal {

	private DatabaseRefusal() {
	}

	/**
	 * Runs a write that flushes to the database and turns a refusal by the data itself
	 * into a {@link ConflictException}: a stale version (someone else saved first), or a
	 * key, check or trigger rule, worded from {@code messages} by constraint name.
	 */
	public static <T> T orConflict(Supplier<T> write, Map<String, String> messages) {
		try {
			return write.get();
		}
		catch (OptimisticLockingFailureException stale) {
			throw ConflictException.changedBySomeoneElse();
		}
		catch (DataIntegrityViolationException refused) {
			throw asConflict(refused, messages);
		}
	}

	/**
	 * As {@link #orConflict(Supplier, Map)}, for rules that are about one field of a
	 * form: the conflict to answer, with its field, by constraint name.
	 */
	public static <T> T orFieldConflict(Supplier<T> write, Map<String, ConflictException> conflicts) {
		try {
			return write.get();
		}
		catch (OptimisticLockingFailureException stale) {
			throw ConflictException.changedBySomeoneElse();
		}
		catch (DataIntegrityViolationException refused) {
			throw constraintOf(refused).map(conflicts::get).orElseGet(ConflictException::changedBySomeoneElse);
		}
	}

	/** The name of the constraint or trigger rule that refused the change, if known. */
	public static Optional<String> constraintOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException refusal) {
				ServerErrorMessage message = refusal.getServerErrorMessage();
				if (message != null && message.getConstraint() != null) {
					return Optional.of(message.getConstraint());
				}
			}
			if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
					&& violation.getConstraintName() != null) {
				return Optional.of(violation.getConstraintName());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

	/**
	 * A conflict saying what the rule that refused the change means, from
	 * {@code messages} by constraint name; a rule not named there gets the general
	 * "changed by someone else" message, since a clash with saved data means someone
	 * saved first.
	 */
	public static ConflictException asConflict(DataIntegrityViolationException refusal, Map<String, String> messages) {
		return constraintOf(refusal).map(messages::get)
			.map(message -> new ConflictException(null, message))
			.orElseGet(ConflictException::changedBySomeoneElse);
	}

}
