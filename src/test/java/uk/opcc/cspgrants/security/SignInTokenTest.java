package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a sign-in link's token, address and destination, in plain Java: 256 random
 * bits, only its SHA-256 kept, good for 30 minutes and dead at the instant it expires; an
 * address read one way; a link leads only under {@code /apply}.
 */
class SignInTokenTest {

	@Test
	void aTokenIs32RandomBytesInUrlSafeBase64AndItsHashIsItsSha256InHex() {
		SignInToken token = SignInToken.create();
		assertThat(token.token()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
		assertThat(token.hash()).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(SignInToken.hash(token.token()));
		assertThat(token.hash()).isNotEqualTo(token.token());
		// the SHA-256 of "abc" (FIPS 180-2, appendix B.1)
		assertThat(SignInToken.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void tokensDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			assertThat(seen.add(SignInToken.create().token())).isTrue();
		}
	}

	@Test
	void onlyATokenOfTheRightShapeIsLookedUp() {
		assertThat(SignInToken.wellFormed(SignInToken.create().token())).isTrue();
		assertThat(SignInToken.wellFormed("A".repeat(43))).isTrue();
		assertThat(SignInToken.wellFormed("A".repeat(42))).isFalse();
		assertThat(SignInToken.wellFormed("A".repeat(44))).isFalse();
		assertThat(SignInToken.wellFormed("A".repeat(42) + "+")).isFalse();
		assertThat(SignInToken.wellFormed("A".repeat(42) + "/")).isFalse();
		assertThat(SignInToken.wellFormed("A".repeat(42) + "=")).isFalse();
		assertThat(SignInToken.wellFormed("")).isFalse();
		assertThat(SignInToken.wellFormed(null)).isFalse();
	}

	@Test
	void aLinkWorksForThirtyMinutesAndIsDeadAtTheInstantItExpires() {
		Instant made = Instant.parse("2026-12-02T20:00:00Z");
		Instant expires = SignInToken.expiresAt(made);
		assertThat(expires).isEqualTo(Instant.parse("2026-12-02T20:30:00Z"));
		assertThat(SignInToken.LIFETIME).isEqualTo(Duration.ofMinutes(30));
		assertThat(SignInToken.usable(expires, null, made)).isTrue();
		assertThat(SignInToken.usable(expires, null, expires.minusNanos(1000))).isTrue();
		assertThat(SignInToken.usable(expires, null, expires)).isFalse();
		assertThat(SignInToken.usable(expires, null, expires.plusSeconds(1))).isFalse();
		assertThat(SignInToken.usable(expires, made.plusSeconds(5), made.plusSeconds(10))).as("used once").isFalse();
	}

	@Test
	void aLinkLeadsOnlyToAPageForApplicants() {
		assertThat(NextPath.orHome("/apply")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/apply/applications/12/project")).isEqualTo("/apply/applications/12/project");
		assertThat(NextPath.orHome(null)).isEqualTo("/apply");
		assertThat(NextPath.orHome("")).isEqualTo("/apply");
		assertThat(NextPath.orHome("//evil.example/apply")).isEqualTo("/apply");
		assertThat(NextPath.orHome("https://evil.example/apply")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/applyx")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/apply/../admin/users")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/apply/..")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/apply//evil.example")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/apply/x?y=1")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/apply/%2e%2e/admin")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/apply\\evil")).isEqualTo("/apply");
		assertThat(NextPath.orHome("/admin/users")).isEqualTo("/apply");
	}

	@Test
	void anAddressIsReadOneWay() {
		assertThat(ApplicantEmail.read("  Jo.Bloggs@Example.org \t")).hasValue("Jo.Bloggs@Example.org");
		assertThat(ApplicantEmail.key("Jo.Bloggs@Example.org")).isEqualTo("jo.bloggs@example.org");
		// fullwidth @ and letters, as a phone keyboard may type them
		assertThat(ApplicantEmail.read("jo\uFF20example.org")).hasValue("jo@example.org");
		assertThat(ApplicantEmail.read("")).isEmpty();
		assertThat(ApplicantEmail.read("   ")).isEmpty();
		assertThat(ApplicantEmail.read(null)).isEmpty();
		assertThat(ApplicantEmail.read("jo.example.org")).isEmpty();
		assertThat(ApplicantEmail.read("jo@example")).isEmpty();
		assertThat(ApplicantEmail.read("jo bloggs@example.org")).isEmpty();
		assertThat(ApplicantEmail.read("jo@@example.org")).isEmpty();
		assertThat(ApplicantEmail.read("jo\u2003x@example.org")).as("an em space, NFKC a space").isEmpty();
		assertThat(ApplicantEmail.read("jo\u0000@example.org")).isEmpty();
		assertThat(ApplicantEmail.read("a".repeat(242) + "@example.org")).as("254 characters").isPresent();
		assertThat(ApplicantEmail.read("a".repeat(243) + "@example.org")).as("255 characters").isEmpty();
	}

}
