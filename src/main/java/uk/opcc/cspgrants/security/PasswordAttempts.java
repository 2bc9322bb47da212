package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.Usernames;

/**
 * An attempt at a username's password, wherever it is typed (signing in, HTTP Basic,
 * confirming it is you, changing one's password): refused unchecked while the username is
 * locked; a wrong one counted (five in a row lock it), a right one starting the count
 * again.
 * <p>
 * Each password is counted as being checked before the check
 * ({@link SignInThrottle#takeTurn}) and no more are checked at once than the username has
 * failures left, so that guesses sent at once never get more checks than guesses sent one
 * after another. The check (BCrypt, slow by design) holds no database connection and no
 * row lock: a password whose turn has not come waits, on this node in a queue of its
 * username (first come, first checked) and then, if other nodes hold the turns, asking
 * again at growing intervals, and is refused as busy after
 * {@link SignInProperties#checkWait()}.
 */
@Component
class PasswordAttempts {

	private static final Duration FIRST_PAUSE = Duration.ofMillis(20);

	private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

	private final SignInThrottle throttle;

	private final SignInProperties properties;

	private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();

	PasswordAttempts(SignInThrottle throttle, SignInProperties properties) {
		this.throttle = throttle;
		this.properties = properties;
	}

	/**
	 * Runs {@code check}, which throws when the password is wrong, unless the username is
	 * locked. When it is right the count starts again, or, when
	 * {@code keepEarlierFailures} says the failures before must stand (a second factor is
	 * still to come, or the person was signed in already), it is left as it is. Never
	 * throws the check's refusal: it is in the result.
	 */
	<T> Attempt<T> attempt(String username, Check<T> check, Predicate<T> keepEarlierFailures) {
		long deadline = System.nanoTime() + this.properties.checkWait().toNanos();
		String key = Usernames.normalise(username);
		Queue queue = this.queues.compute(key, (name,
				existing) -> ((existing != null) ? existing : new Queue(this.properties.maxFailedAttempts())).joined());
		try {
			if (!queue.turns.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
				return Attempt.refusedAsBusy();
			}
			try {
				return checkInTurn(username, check, keepEarlierFailures, deadline);
			}
			finally {
				queue.turns.release();
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return Attempt.refusedAsBusy();
		}
		finally {
			this.queues.computeIfPresent(key, (name, existing) -> existing.left());
		}
	}

	private <T> Attempt<T> checkInTurn(String username, Check<T> check, Predicate<T> keepEarlierFailures, long deadline)
			throws InterruptedException {
		Duration pause = FIRST_PAUSE;
		SignInThrottle.Turn turn;
		while ((turn = this.throttle.takeTurn(username)) == SignInThrottle.Turn.WAIT) {
			if (remaining(deadline) < pause.toNanos()) {
				return Attempt.refusedAsBusy();
			}
			Thread.sleep(pause.toMillis() + ThreadLocalRandom.current().nextLong(pause.toMillis()));
			pause = (pause.compareTo(LONGEST_PAUSE) < 0) ? pause.multipliedBy(2) : LONGEST_PAUSE;
		}
		if (turn == SignInThrottle.Turn.LOCKED) {
			return new Attempt<>(null, null, true, false, false);
		}
		// the turn is given back however the check ends: a count left behind would take a
		// turn from this username for as long as it keeps being used
		boolean settled = false;
		try {
			T result;
			try {
				result = check.run();
			}
			catch (AuthenticationException wrong) {
				boolean lockedNow = this.throttle.checkedWrong(username);
				settled = true;
				return new Attempt<>(null, wrong, false, lockedNow, false);
			}
			boolean keep = keepEarlierFailures.test(result);
			this.throttle.checkedRight(username, keep);
			settled = true;
			return new Attempt<>(result, null, false, false, false);
		}
		finally {
			if (!settled) {
				this.throttle.notChecked(username);
			}
		}
	}

	private static long remaining(long deadline) {
		return Math.max(0, deadline - System.nanoTime());
	}

	/**
	 * The passwords of one username on this node, waiting or being checked: as many turns
	 * as failures are allowed, handed out first come, first served. Forgotten when nobody
	 * is in it.
	 */
	private static final class Queue {

		private final Semaphore turns;

		private int people;

		private Queue(int turns) {
			this.turns = new Semaphore(Math.max(1, turns), true);
		}

		private Queue joined() {
			this.people++;
			return this;
		}

		private Queue left() {
			this.people--;
			return (this.people == 0) ? null : this;
		}

	}

	/** A check of a password: its result, or an {@link AuthenticationException}. */
	@FunctionalInterface
	interface Check<T> {

		T run() throws AuthenticationException;

	}

	/**
	 * What an attempt came to: right ({@code result}), wrong ({@code failure}, and
	 * whether that locked the username now), not checked as the username is locked, or
	 * not checked as its turn did not come in time ({@code busy}).
	 */
	record Attempt<T>(T result, AuthenticationException failure, boolean locked, boolean lockedNow, boolean busy) {

		static <T> Attempt<T> refusedAsBusy() {
			return new Attempt<>(null, null, false, false, true);
		}

	}

}
