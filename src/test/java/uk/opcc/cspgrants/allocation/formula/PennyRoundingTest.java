package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PennyRoundingTest {

	@Test
	void ranksRemaindersBeyondTheirFirstEighteenDecimalsExactly() {
		// Remainders of .5 + 1e-21 and .5 + 2e-21 of a penny: the same to 18 decimals;
		// the second is larger, so it gets the one penny left over.
		PennyRounding.Rounded rounded = PennyRounding
			.round(pence("100.500000000000000000001", "200.500000000000000000002", "298.999999999999999999997"), 600);

		assertThat(rounded.pence()).containsExactly(100, 201, 299);
		assertThat(rounded.receivedPenny()).containsExactly(false, true, true);
	}

	@Test
	void givesTiedRemaindersToTheEarlierPartnership() {
		PennyRounding.Rounded rounded = PennyRounding.round(pence("0.25", "0.25", "0.25", "0.25"), 1);

		assertThat(rounded.pence()).containsExactly(1, 0, 0, 0);
	}

	@Test
	void keepsWholeAmountsAsTheyAre() {
		assertThat(PennyRounding.round(pence("5", "7", "0"), 12).pence()).containsExactly(5, 7, 0);
	}

	@Test
	void refusesAmountsThatDoNotAddUpToThePot() {
		assertThatThrownBy(() -> PennyRounding.round(pence("5", "7"), 20)).isInstanceOf(IllegalStateException.class);
	}

	private static BigDecimal[] pence(String... amounts) {
		return Arrays.stream(amounts).map(BigDecimal::new).toArray(BigDecimal[]::new);
	}

}
