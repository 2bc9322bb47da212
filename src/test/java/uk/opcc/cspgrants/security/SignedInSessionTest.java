package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.security.SignedInSession.Account;
import uk.opcc.cspgrants.security.SignedInSession.Verdict;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that end a signed-in session or change its roles (OWASP ASVS 3.3), without
 * Spring: twelve hours after signing in, a disabled or removed account, sessions ended by
 * an administrator after (not before) the sign-in, and roles, partnership or organisation
 * that changed.
 */
class SignedInSessionTest {

	private static final Instant SIGNED_IN = Instant.parse("2026-12-04T09:00:00Z");

	private static final Duration TWELVE_HOURS = Duration.ofHours(12);

	private static final Set<Role> SECOND_FACTOR_ROLES = Set.of(Role.ADMIN, Role.FINANCE);

	private static final CurrentUser OFFICER = new CurrentUser(7, "olu", "Olu Officer", "", true, Set.of(Role.OFFICER),
			null);

	private static final Account AS_SIGNED_IN = new Account(true, Set.of(Role.OFFICER), null, null, null);

	private final SignedInSession session = new SignedInSession(7, SIGNED_IN, false, 0);

	@Test
	void aSessionGoesOnUntilTwelveHoursAfterSigningInHoweverBusy() {
		assertThat(check(AS_SIGNED_IN, SIGNED_IN.plus(TWELVE_HOURS).minusMillis(1))).isEqualTo(Verdict.KEEP);
		assertThat(check(AS_SIGNED_IN, Instant.parse("2026-12-04T21:00:00Z"))).isEqualTo(Verdict.TIMED_OUT);
		assertThat(check(AS_SIGNED_IN, Instant.parse("2026-12-05T08:59:59Z"))).isEqualTo(Verdict.TIMED_OUT);
	}

	@Test
	void aDisabledOrRemovedAccountsSessionEnds() {
		assertThat(check(new Account(false, Set.of(Role.OFFICER), null, null, null), SIGNED_IN.plusSeconds(60)))
			.isEqualTo(Verdict.ENDED);
		assertThat(check(null, SIGNED_IN.plusSeconds(60))).isEqualTo(Verdict.ENDED);
	}

	@Test
	void aSessionSignedOutFromAnotherIsToldSoUnlessTheAccountItselfEnded() {
		SignedInSession recorded = new SignedInSession(7, SIGNED_IN, false, 41);
		Account signedOut = new Account(true, Set.of(Role.OFFICER), null, null, null, null, Set.of(41L));
		Account another = new Account(true, Set.of(Role.OFFICER), null, null, null, null, Set.of(40L));
		Account disabledToo = new Account(false, Set.of(Role.OFFICER), null, null, null, null, Set.of(41L));
		Instant now = SIGNED_IN.plusSeconds(60);
		assertThat(recorded.check(OFFICER, signedOut, now, TWELVE_HOURS, SECOND_FACTOR_ROLES))
			.isEqualTo(Verdict.SIGNED_OUT_ELSEWHERE);
		assertThat(recorded.check(OFFICER, another, now, TWELVE_HOURS, SECOND_FACTOR_ROLES)).isEqualTo(Verdict.KEEP);
		assertThat(recorded.check(OFFICER, disabledToo, now, TWELVE_HOURS, SECOND_FACTOR_ROLES))
			.isEqualTo(Verdict.ENDED);
	}

	@Test
	void sessionsEndedByAnAdministratorAreThoseSignedInBeforeNotAfter() {
		Account endedAfter = new Account(true, Set.of(Role.OFFICER), null, null, SIGNED_IN.plusSeconds(1));
		Account endedAtTheSameMoment = new Account(true, Set.of(Role.OFFICER), null, null, SIGNED_IN);
		Account endedBefore = new Account(true, Set.of(Role.OFFICER), null, null, SIGNED_IN.minusSeconds(1));
		assertThat(check(endedAfter, SIGNED_IN.plusSeconds(60))).isEqualTo(Verdict.ENDED);
		assertThat(check(endedAtTheSameMoment, SIGNED_IN.plusSeconds(60))).isEqualTo(Verdict.ENDED);
		assertThat(check(endedBefore, SIGNED_IN.plusSeconds(60))).isEqualTo(Verdict.KEEP);
	}

	@Test
	void changedRolesPartnershipOrOrganisationAreTakenOnBySessionsThatGoOn() {
		Account madeCspManager = new Account(true, Set.of(Role.CSP_MANAGER), 12L, null, null);
		assertThat(check(madeCspManager, SIGNED_IN.plusSeconds(60))).isEqualTo(Verdict.REFRESH);
		assertThat(check(new Account(true, Set.of(Role.OFFICER), 12L, null, null), SIGNED_IN.plusSeconds(60)))
			.isEqualTo(Verdict.REFRESH);
		assertThat(check(new Account(true, Set.of(Role.OFFICER), null, 3L, null), SIGNED_IN.plusSeconds(60)))
			.isEqualTo(Verdict.REFRESH);
		CurrentUser refreshed = SignedInSession.refreshed(OFFICER, madeCspManager);
		assertThat(refreshed.roles()).containsExactly(Role.CSP_MANAGER);
		assertThat(refreshed.partnershipId()).isEqualTo(12L);
		assertThat(refreshed.maySee(12)).isTrue();
		assertThat(refreshed.maySee(13)).isFalse();
		assertThat(refreshed.getUsername()).isEqualTo("olu");
		assertThat(refreshed.displayName()).isEqualTo("Olu Officer");
	}

	@Test
	void aRoleThatNeedsASecondFactorIsTakenOnOnlyBySessionsSignedInWithOne() {
		Account madeFinance = new Account(true, Set.of(Role.OFFICER, Role.FINANCE), null, null, null);
		assertThat(check(madeFinance, SIGNED_IN.plusSeconds(60))).isEqualTo(Verdict.ENDED);
		assertThat(new SignedInSession(7, SIGNED_IN, true, 0).check(OFFICER, madeFinance, SIGNED_IN.plusSeconds(60),
				TWELVE_HOURS, SECOND_FACTOR_ROLES))
			.isEqualTo(Verdict.REFRESH);
	}

	private Verdict check(Account account, Instant now) {
		return this.session.check(OFFICER, account, now, TWELVE_HOURS, SECOND_FACTOR_ROLES);
	}

}
