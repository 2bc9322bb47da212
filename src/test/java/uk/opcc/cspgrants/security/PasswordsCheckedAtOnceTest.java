package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import uk.opcc.cspgrants.support.AtOnce;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Passwords of one username sent at once get no more checks than the failures it has left
 * before the lock-out, with no connection or row lock held while they are checked: twenty
 * guesses at once get five checks, twenty right passwords at once are all let in with
 * never more than five checked together, and a count left by a node that stopped
 * mid-check is forgotten.
 */
@IntegrationTest
class PasswordsCheckedAtOnceTest {

	private static final String NAME = "at.once";

	@Autowired
	PasswordAttempts attempts;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	JdbcTemplate jdbc;

	private final AtomicInteger checks = new AtomicInteger();

	private final AtomicInteger checking = new AtomicInteger();

	private final AtomicInteger mostCheckedTogether = new AtomicInteger();

	@AfterEach
	void forget() {
		this.jdbc.update("delete from sign_in_attempt where username = ?", NAME);
	}

	@Test
	void twentyGuessesAtOnceGetFiveChecksAndLockTheUsernameOnce() throws Exception {
		List<PasswordAttempts.Attempt<Boolean>> outcomes = AtOnce.run(20,
				() -> this.attempts.attempt(NAME, () -> check(false), right -> false));

		assertThat(this.checks).hasValue(5);
		assertThat(outcomes).filteredOn(outcome -> outcome.failure() != null).hasSize(5);
		assertThat(outcomes).filteredOn(PasswordAttempts.Attempt::lockedNow).hasSize(1);
		assertThat(outcomes).filteredOn(PasswordAttempts.Attempt::locked).hasSize(15);
		assertThat(row("failed_count")).isEqualTo(5);
		assertThat(row("checking")).isZero();
		assertThat(this.throttle.lockedUntil(NAME)).isPresent();
	}

	@Test
	void twentyRightPasswordsAtOnceAreAllLetInNeverMoreThanFiveCheckedTogether() throws Exception {
		List<PasswordAttempts.Attempt<Boolean>> outcomes = AtOnce.run(20,
				() -> this.attempts.attempt(NAME, () -> check(true), right -> false));

		assertThat(outcomes).extracting(PasswordAttempts.Attempt::result).containsOnly(true).hasSize(20);
		assertThat(this.checks).hasValue(20);
		assertThat(this.mostCheckedTogether.get()).isBetween(2, 5);
		assertThat(row("checking")).isZero();
		assertThat(row("failed_count")).isZero();
	}

	@Test
	void withOneFailureLeftThatStandsRightPasswordsAtOnceAreCheckedOneAfterAnother() throws Exception {
		this.jdbc.update("insert into sign_in_attempt (username, failed_count) values (?, 4)", NAME);

		// a second factor is still to come, so the right passwords leave the failures
		List<PasswordAttempts.Attempt<Boolean>> outcomes = AtOnce.run(20,
				() -> this.attempts.attempt(NAME, () -> check(true), right -> true));

		assertThat(outcomes).extracting(PasswordAttempts.Attempt::result).containsOnly(true).hasSize(20);
		assertThat(this.mostCheckedTogether).hasValue(1);
		assertThat(row("failed_count")).isEqualTo(4);
		assertThat(row("checking")).isZero();
	}

	@Test
	void withOneFailureLeftTheFirstRightPasswordStartsTheCountAgainForTheRest() throws Exception {
		this.jdbc.update("insert into sign_in_attempt (username, failed_count) values (?, 4)", NAME);

		List<PasswordAttempts.Attempt<Boolean>> outcomes = AtOnce.run(20,
				() -> this.attempts.attempt(NAME, () -> check(true), right -> false));

		assertThat(outcomes).extracting(PasswordAttempts.Attempt::result).containsOnly(true).hasSize(20);
		assertThat(this.mostCheckedTogether.get()).isBetween(1, 5);
		assertThat(row("failed_count")).isZero();
	}

	@Test
	void aPasswordWhoseTurnDoesNotComeIsRefusedAsBusyUncheckedAndUncounted() {
		// five being checked on other nodes, begun just now
		this.jdbc.update("insert into sign_in_attempt (username, failed_count, checking, checking_since) "
				+ "values (?, 0, 5, now())", NAME);
		PasswordAttempts impatient = new PasswordAttempts(this.throttle,
				new SignInProperties(5, Duration.ofMinutes(15), Duration.ofMillis(300)));

		PasswordAttempts.Attempt<Boolean> outcome = impatient.attempt(NAME, () -> check(true), right -> false);

		assertThat(outcome.busy()).isTrue();
		assertThat(this.checks).hasValue(0);
		assertThat(row("checking")).isEqualTo(5);
		assertThat(row("failed_count")).isZero();
	}

	@Test
	void aCountLeftByANodeThatStoppedMidCheckIsForgotten() {
		this.jdbc.update(
				"insert into sign_in_attempt (username, failed_count, checking, checking_since) values (?, 2, 5, ?)",
				NAME, java.sql.Timestamp
					.from(java.time.Instant.now().minus(SignInThrottle.CHECKING_FORGOTTEN_AFTER).minusSeconds(1)));

		PasswordAttempts.Attempt<Boolean> outcome = this.attempts.attempt(NAME, () -> check(false), right -> false);

		assertThat(outcome.failure()).isNotNull();
		assertThat(row("checking")).isZero();
		assertThat(row("failed_count")).isEqualTo(3);
	}

	@Test
	void aCheckThatFailsForAnotherReasonGivesItsTurnBackUncounted() {
		assertThatThrownBy(() -> this.attempts.attempt(NAME, () -> {
			throw new IllegalStateException("the password store did not answer");
		}, right -> false)).hasMessageContaining("did not answer");

		assertThat(row("checking")).isZero();
		assertThat(row("failed_count")).isZero();
	}

	@Test
	void aTurnIsGivenBackWhenDecidingWhatARightPasswordLeavesFails() {
		assertThatThrownBy(() -> this.attempts.attempt(NAME, () -> check(true), right -> {
			throw new IllegalStateException("the account could not be read");
		})).hasMessageContaining("could not be read");

		assertThat(row("checking")).isZero();
	}

	@Test
	void failuresAlreadyAtALoweredAllowanceLockRatherThanWaitForever() {
		// counted when the allowance was higher, and never locked
		this.jdbc.update("insert into sign_in_attempt (username, failed_count) values (?, 7)", NAME);

		PasswordAttempts.Attempt<Boolean> outcome = this.attempts.attempt(NAME, () -> check(true), right -> false);

		assertThat(outcome.locked()).isTrue();
		assertThat(this.checks).hasValue(0);
		assertThat(this.throttle.lockedUntil(NAME)).isPresent();
	}

	/** A slow check, like BCrypt's, counting how many run together. */
	private boolean check(boolean right) {
		this.checks.incrementAndGet();
		int together = this.checking.incrementAndGet();
		this.mostCheckedTogether.accumulateAndGet(together, Math::max);
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.checking.decrementAndGet();
		}
		if (!right) {
			throw new BadCredentialsException("Wrong password");
		}
		return true;
	}

	private Integer row(String column) {
		return this.jdbc.queryForObject("select " + column + " from sign_in_attempt where username = ?", Integer.class,
				NAME);
	}

}
