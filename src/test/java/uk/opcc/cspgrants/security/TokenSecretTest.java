package uk.opcc.cspgrants.security;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API token's secret: {@code cspg_} and 43 URL-safe characters (256 bits), different
 * every time, kept as its SHA-256 (checked against the standard's own test vectors).
 */
class TokenSecretTest {

	@Test
	void aSecretIs256RandomBitsAfterItsPrefixAndNeverTheSameTwice() {
		SecureRandom random = new SecureRandom();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String secret = TokenSecret.generate(random);
			assertThat(secret).startsWith("cspg_").hasSize(48).matches("cspg_[A-Za-z0-9_-]{43}");
			assertThat(TokenSecret.wellFormed(secret)).isTrue();
			assertThat(TokenSecret.prefixOf(secret)).isEqualTo(secret.substring(0, 9));
			seen.add(secret);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void onlyTheShapeOfASecretIsLookedUp() {
		assertThat(TokenSecret.wellFormed(null)).isFalse();
		assertThat(TokenSecret.wellFormed("")).isFalse();
		assertThat(TokenSecret.wellFormed("cspg_short")).isFalse();
		assertThat(TokenSecret.wellFormed("abcd_" + "A".repeat(43))).isFalse();
		assertThat(TokenSecret.wellFormed("cspg_" + "A".repeat(42) + "=")).isFalse();
		assertThat(TokenSecret.wellFormed("cspg_" + "A".repeat(44))).isFalse();
		assertThat(TokenSecret.wellFormed("cspg_" + "A".repeat(43))).isTrue();
	}

	@Test
	void theHashIsSha256AsFips180Defines() {
		// FIPS 180-2, appendix B.1 and B.2
		assertThat(TokenSecret.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(TokenSecret.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
			.isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}

}
