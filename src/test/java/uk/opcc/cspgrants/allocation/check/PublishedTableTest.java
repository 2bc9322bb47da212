package uk.opcc.cspgrants.allocation.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedTableTest {

	/** Names, other names and codes, as the partnerships table would answer. */
	private static final Map<String, PublishedTable.Known> KNOWN = Map.of("leicester",
			new PublishedTable.Known("LEI", "Leicester"), "lei", new PublishedTable.Known("LEI", "Leicester"),
			"north west leicestershire", new PublishedTable.Known("NWL", "North West Leicestershire"),
			"hinckley and bosworth", new PublishedTable.Known("HAB", "Hinckley & Bosworth"), "hinckley & bosworth",
			new PublishedTable.Known("HAB", "Hinckley & Bosworth"), "rutland",
			new PublishedTable.Known("RUT", "Rutland"), "rut", new PublishedTable.Known("RUT", "Rutland"));

	private static final Function<String, Optional<PublishedTable.Known>> FIND = (name) -> Optional
		.ofNullable(KNOWN.get(name.toLowerCase(java.util.Locale.UK)));

	@Test
	void readsATableHoweverItWasPastedOrTyped() {
		List<PublishedTable.Entry> entries = PublishedTable.parse("""
				CSP\tAllocation
				Leicester\t£41,602.98
				"North West Leicestershire (SNWL)","£8,230.66"
				Hinckley and Bosworth: 7839.07
				RUT 2 953.46
				""", FIND);
		assertThat(entries).extracting((entry) -> entry.code() + " " + entry.amount().pence())
			.containsExactly("LEI 4160298", "NWL 823066", "HAB 783907", "RUT 295346");
	}

	@Test
	void namesEveryLineThatCannotBeRead() {
		assertThatThrownBy(() -> PublishedTable.parse("""
				Leicester £1.00
				Gotham £2.00
				LEI £3.00
				Rutland £1.234
				Hinckley & Bosworth -£5
				just words here
				""", FIND)).isInstanceOf(PublishedTable.TableException.class)
			.hasMessage("Line 2: there is no partnership called Gotham; Line 3: Leicester is on line 1 already; "
					+ "Line 4 (Rutland): enter an amount with no more than 2 decimal places; "
					+ "Line 5: the amount for Hinckley & Bosworth cannot be negative; "
					+ "Line 6: enter a partnership and its amount, like Charnwood £13,702.99");
	}

	@Test
	void anEmptyTableOrOneOfHeadingsOnlyIsRefused() {
		assertThatThrownBy(() -> PublishedTable.parse("  \n ", FIND))
			.hasMessage("Enter the published table: one partnership a line with its amount");
		assertThatThrownBy(() -> PublishedTable.parse("Partnership, Amount", FIND))
			.hasMessage("Enter the published table: one partnership a line with its amount");
	}

	@Test
	void aCsvFileBecomesLinesOfPartnershipAndLastFilledColumn() {
		String lines = PublishedTable
			.fromCsv("\uFEFFPartnership,Code,Amount\nLeicester,LEI,\"£41,602.98\"\nRutland,RUT,2953.46,\n");
		assertThat(PublishedTable.parse(lines, FIND)).extracting((entry) -> entry.code() + " " + entry.amount().pence())
			.containsExactly("LEI 4160298", "RUT 295346");
	}

}
