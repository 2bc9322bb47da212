package uk.opcc.cspgrants.shared.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1" })
	void aCellASpreadsheetWouldRunGetsAnApostropheAndReadsBackAsTyped(String text) {
		assertThat(SpreadsheetText.safe(text)).isEqualTo("'" + text);
		assertThat(SpreadsheetText.asTyped(SpreadsheetText.safe(text))).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Leicester", "Anti-social behaviour", "'quoted", "'", "" })
	void otherTextIsLeftAsItIs(String text) {
		assertThat(SpreadsheetText.safe(text)).isEqualTo(text);
		assertThat(SpreadsheetText.asTyped(text)).isEqualTo(text);
	}

}
