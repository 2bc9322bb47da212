package uk.opcc.cspgrants.commissioning;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stream's amount moves by a top-up or a reduction, never below zero nor below what is
 * allocated from it; and the year's streams add up as EXE 0025/13 prints them: £1,649,000
 * + £1,305,029 = £2,954,029 before the £294,994 from the Budget Equalisation Reserve, and
 * £3,249,023 in all. No Spring.
 */
class FundingStreamRulesTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2013-14");

	@Test
	void aTopUpAddsAndAReductionTakesAway() {
		FundingStream stream = stream("1649000.00");
		assertThat(stream.change(StreamChange.Direction.TOP_UP, Money.of("1000.50"), StreamAllocation.none(1)))
			.isEqualTo(Money.of("1649000.00"));
		assertThat(stream.getAmount()).isEqualTo(Money.of("1650000.50"));
		stream.change(StreamChange.Direction.REDUCE, Money.of("0.50"), StreamAllocation.none(1));
		assertThat(stream.getAmount()).isEqualTo(Money.of("1650000.00"));
	}

	@Test
	void aReductionBelowWhatIsAllocatedIsRefusedOnTheAmountWithTheFigures() {
		FundingStream stream = stream("294994.00");
		StreamAllocation allocated = new StreamAllocation(1, Money.of("200000.00"), Money.of("90000.00"));
		assertThatThrownBy(() -> stream.change(StreamChange.Direction.REDUCE, Money.of("5000.00"), allocated))
			.isInstanceOfSatisfying(ValidationException.class, refused -> {
				assertThat(refused.fieldErrors()).containsOnlyKeys("amount");
				assertThat(refused.getMessage()).contains("would leave £289,994.00", "£290,000.00 already allocated",
						"award lines £200,000.00 and formula pots £90,000.00", "Reduce it by £4,994.00 or less");
			});
		assertThat(stream.getAmount()).as("nothing changed").isEqualTo(Money.of("294994.00"));
		stream.change(StreamChange.Direction.REDUCE, Money.of("4994.00"), allocated);
		assertThat(stream.getAmount()).as("down to exactly what is allocated").isEqualTo(Money.of("290000.00"));
	}

	@Test
	void aReductionBelowZeroOrOfNothingIsRefused() {
		FundingStream stream = stream("100.00");
		assertThatThrownBy(
				() -> stream.change(StreamChange.Direction.REDUCE, Money.of("100.01"), StreamAllocation.none(1)))
			.hasMessageContaining("cannot be reduced by £100.01");
		assertThatThrownBy(() -> stream.change(StreamChange.Direction.TOP_UP, Money.ZERO, StreamAllocation.none(1)))
			.hasMessageContaining("more than £0.00");
	}

	@Test
	void aChangeNeedsADirectionAnAmountAReasonAndTheVersionRead() {
		assertThatThrownBy(() -> new StreamChange(null, null, " ", null).check())
			.isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.fieldErrors())
				.containsOnlyKeys("direction", "amount", "reason", "version"));
	}

	@Test
	void theYearsStreamsAddUpAsTheDecisionRecordPrintsThem() {
		List<FundingStreamView> streams = List.of(view(1, "Budget Equalisation Reserve", StreamKind.RESERVE, "294994"),
				view(2, "PCC Community Safety Grant", StreamKind.GRANT, "1649000"),
				view(3, "Former Police Force Partnership funding", StreamKind.FORCE, "1305029"));
		StreamsPage page = StreamsPage.of(YEAR, streams,
				java.util.Map.of(2L, new StreamAllocation(2, Money.of("1000000.00"), Money.ZERO), 1L,
						new StreamAllocation(1, Money.ZERO, Money.of("0.01"))),
				List.of());
		assertThat(page.subTotal()).isEqualTo(Money.of("2954029.00"));
		assertThat(page.total()).isEqualTo(Money.of("3249023.00"));
		assertThat(page.rows()).extracting(row -> row.stream().name())
			.as("reserves after the sub-total")
			.containsExactly("PCC Community Safety Grant", "Former Police Force Partnership funding",
					"Budget Equalisation Reserve");
		assertThat(page.reservesFrom()).isEqualTo(2);
		assertThat(page.unallocated()).isEqualTo(Money.of("2249022.99"));
		assertThat(page.rows().get(0).unallocated()).isEqualTo(Money.of("649000.00"));
	}

	@Test
	void aStreamNeedsANameAFunderAKindAndAnAmountOfNothingOrMore() {
		assertThatThrownBy(() -> new StreamDetails(" ", null, null, Money.of("-1.00"), null, false).check())
			.isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.fieldErrors().keySet())
				.containsExactly("name", "funder", "kind", "amount"));
	}

	private static FundingStream stream(String amount) {
		return new FundingStream(2013,
				new StreamDetails("Stream", "Home Office", StreamKind.GRANT, Money.of(amount), null, false),
				Instant.EPOCH, "test");
	}

	private static FundingStreamView view(long id, String name, StreamKind kind, String amount) {
		return new FundingStreamView(id, YEAR, name, "Funder", kind, Money.of(amount + ".00"), null, false, 0);
	}

}
