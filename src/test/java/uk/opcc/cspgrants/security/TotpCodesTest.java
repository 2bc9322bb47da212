package uk.opcc.cspgrants.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes against RFC 6238's own test vectors (Appendix B, HMAC-SHA1, the ASCII secret
 * "12345678901234567890", whose Base32 is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ): the RFC
 * gives eight digits, an authenticator app shows their last six.
 */
class TotpCodesTest {

	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private final TotpCodes codes = new TotpCodes();

	@Test
	void theCodesAreRfc6238s() {
		assertThat(this.codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(this.codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(this.codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
		assertThat(this.codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
		assertThat(this.codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void aCodeIsAcceptedInItsOwnStepAndTheOneEitherSideAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = 1234567890 / 30;
		assertThat(this.codes.stepOf(RFC_SECRET, "005 924", now)).hasValue(step);
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, now.minusSeconds(30)), now))
			.hasValue(step - 1);
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, now.plusSeconds(30)), now))
			.hasValue(step + 1);
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, now.minusSeconds(60)), now)).isEmpty();
		assertThat(this.codes.stepOf(RFC_SECRET, "", now)).isEmpty();
		assertThat(this.codes.stepOf(RFC_SECRET, "00592", now)).isEmpty();
		assertThat(this.codes.stepOf(RFC_SECRET, "abcdef", now)).isEmpty();
	}

	@Test
	void aNewSecretIs160RandomBitsInBase32() {
		String one = TotpCodes.newSecret();
		assertThat(one).matches("[A-Z2-7]{32}");
		assertThat(TotpCodes.newSecret()).isNotEqualTo(one);
	}

	@Test
	void theQrCodeCarriesTheAddressAnAuthenticatorAppReads() {
		assertThat(TotpCodes.otpauthUri("fran.finance", RFC_SECRET))
			.isEqualTo("otpauth://totp/CSP%20Grants%3Afran.finance"
					+ "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CSP%20Grants&algorithm=SHA1&digits=6&period=30");
		QrCode.Drawing drawing = QrCode.of(TotpCodes.otpauthUri("fran.finance", RFC_SECRET));
		// a QR code of version v is 4v + 17 modules a side, with 4 of quiet zone each
		// side
		assertThat((drawing.size() - 8 - 17) % 4).isZero();
		assertThat(drawing.path()).startsWith("M4 4h1v1h-1z");
	}

}
