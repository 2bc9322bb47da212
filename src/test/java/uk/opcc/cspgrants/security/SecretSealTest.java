package uk.opcc.cspgrants.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Second-factor secrets are sealed with AES-256-GCM, opened only with the key and for the
 * account they were sealed for, and found again under a previous key; the key comes from
 * configuration or a file made once, readable by its owner only.
 */
class SecretSealTest {

	private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private static final String KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	private static final String OTHER_KEY = Base64.getEncoder()
		.encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

	@TempDir
	Path directory;

	@Test
	void aSealedSecretOpensForItsAccountOnlyAndNeverReadsTheSameTwice() {
		SecretSeal seal = seal(KEY);
		String sealed = seal.seal(42, SECRET);
		String again = seal.seal(42, SECRET);

		assertThat(sealed).doesNotContain(SECRET).matches("v1\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]{40,}");
		assertThat(again).isNotEqualTo(sealed);
		assertThat(seal.open(42, sealed)).contains(SECRET);
		assertThat(seal.open(43, sealed)).as("copied to another account's row").isEmpty();
		assertThat(seal.open(42, sealed.substring(0, sealed.length() - 2) + "AA")).as("altered").isEmpty();
		assertThat(seal.open(42, "not sealed at all")).isEmpty();
	}

	@Test
	void itIsAes256GcmWithANonceFirstAndTheAccountIdBoundIn() throws Exception {
		String sealed = seal(KEY).seal(7, SECRET);
		byte[] kept = Base64.getUrlDecoder().decode(sealed.split("\\.")[2]);

		// opened independently with the JDK's cipher, as the format says
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES"),
				new GCMParameterSpec(128, kept, 0, 12));
		cipher.updateAAD(ByteBuffer.allocate(8).putLong(7).array());
		byte[] plain = cipher.doFinal(kept, 12, kept.length - 12);

		assertThat(new String(plain, StandardCharsets.US_ASCII)).isEqualTo(SECRET);
		assertThat(sealed.split("\\.")[1]).isEqualTo(Sha256.hex(Base64.getDecoder().decode(KEY)).substring(0, 8));
	}

	@Test
	void aSecretSealedWithAPreviousKeyOpensWhileThatKeyIsKept() {
		String sealedBefore = seal(OTHER_KEY).seal(42, SECRET);
		SecretSeal rotated = new SecretSeal(new SecondFactorKeyProperties(KEY, null, List.of(OTHER_KEY)));

		assertThat(rotated.sealedWithAnOlderKey(sealedBefore)).isTrue();
		assertThat(rotated.open(42, sealedBefore)).contains(SECRET);
		assertThat(rotated.sealedWithAnOlderKey(rotated.seal(42, SECRET))).isFalse();
		assertThat(seal(KEY).open(42, sealedBefore)).as("the old key not kept").isEmpty();
	}

	@Test
	void withoutAKeyOneIsMadeInTheKeyFileOnceReadableByItsOwnerOnly() throws Exception {
		Path file = this.directory.resolve("data/second-factor.key");
		SecretSeal first = new SecretSeal(new SecondFactorKeyProperties(null, file, List.of()));
		String made = Files.readString(file).strip();
		SecretSeal second = new SecretSeal(new SecondFactorKeyProperties("", file, List.of()));

		assertThat(Base64.getDecoder().decode(made)).hasSize(32);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(file).strip()).as("kept, not made again").isEqualTo(made);
		assertThat(second.open(5, first.seal(5, SECRET))).contains(SECRET);
	}

	@Test
	void noKeyAndNoKeyFileOrAKeyOfTheWrongLengthStopsTheStart() {
		assertThatThrownBy(() -> new SecretSeal(new SecondFactorKeyProperties(" ", Path.of("-"), List.of())))
			.hasMessageContaining("CSP_GRANTS_SECOND_FACTOR_SECRETS_KEY");
		assertThatThrownBy(() -> seal(Base64.getEncoder().encodeToString(new byte[16])))
			.hasMessageContaining("must be 32 bytes");
		assertThatThrownBy(() -> seal("not base64 !")).hasMessageContaining("is not Base64");
	}

	private static SecretSeal seal(String key) {
		return new SecretSeal(new SecondFactorKeyProperties(key, null, List.of()));
	}

}
