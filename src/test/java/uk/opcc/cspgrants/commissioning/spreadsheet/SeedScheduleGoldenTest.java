package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.commissioning.LineStatus;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.spreadsheet.ImportReading.ReadLine;
import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleReconciliation.Discrepancy;
import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleReconciliation.Figure;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden test: EXE 0025/13's table, typed from the seed, read as CSV and as Excel.
 * The expected figures are the seed's printed ones and sums worked by hand from its rows
 * (e.g. Leicestershire County Council's Apr–Sep lines: 39,845 + 69,211 + 156,237 + 43,945
 * + 9,685 + 91,687 + 10,000 + 6,536 = 427,146 against a printed 427,145).
 */
class SeedScheduleGoldenTest {

	/** Row | line | column | printed | sum | difference, in the table's order. */
	private static final List<String> DISCREPANCIES = List.of(
			"12 | Total Leicester City | Oct–Mar | 125680 | 72800 | 52880",
			"12 | Total Leicester City | Total | 648119 | 595239 | 52880",
			"24 | Total Leicestershire County Council | Apr–Sep | 427145 | 427146 | -1",
			"24 | Total Leicestershire County Council | Oct–Mar | 124745 | 84900 | 39845",
			"24 | Total Leicestershire County Council | Total | 551890 | 512046 | 39844",
			"103 | Safety Crew (Hinckley only) | Total | 1319 | 0 | 1319",
			"104 | Mental Health | Total | 4000 | 0 | 4000", "105 | Seasonal Campaigns | Total | 4000 | 0 | 4000",
			"106 | Junior Intervention Project | Total | 2000 | 0 | 2000",
			"107 | Home Security | Total | 10000 | 0 | 10000",
			"109 | Extension to Domestic Abuse Outreach Service | Total | 11037 | 0 | 11037",
			"111 | Making Melton Safe at Night | Total | 7800 | 0 | 7800",
			"113 | Sanctuary Scheme | Total | 4000 | 0 | 4000",
			"114 | Swanswell provision of local treatment and drop-in service | Total | 1652 | 0 | 1652",
			"115 | Half Term ASB Prevention | Total | 1890 | 0 | 1890",
			"116 | Cyber Bullying Campaign | Total | 1500 | 0 | 1500",
			"118 | Substance Use Prevention Officer post | Total | 7966 | 0 | 7966",
			"120 | TwentyTwenty | Total | 7000 | 0 | 7000", "121 | Domestic Abuse Outreach | Total | 5000 | 0 | 5000",
			"122 | Community Safety App | Total | 5000 | 0 | 5000",
			"123 | Total New commissioning funding sources | Oct–Mar | 801167 | 727003 | 74164",
			"124 | TOTAL | Apr–Sep | 2023337 | 2023338 | -1", "124 | TOTAL | Total | 3240229 | 3240230 | -1",
			"126 | GRAND TOTAL | Oct–Mar | 1225686 | 1216892 | 8794");

	private static final List<String> REPRODUCED = List.of("12 | Total Leicester City | Apr–Sep | 522439",
			"30 | Total Rutland County Council | Apr–Sep | 36019", "30 | Total Rutland County Council | Oct–Mar | 2800",
			"30 | Total Rutland County Council | Total | 38819", "67 | Total Police Force Funding | Apr–Sep | 244935",
			"67 | Total Police Force Funding | Oct–Mar | 162500", "67 | Total Police Force Funding | Total | 407435",
			"73 | Total Police In Kind: | Apr–Sep | 284100", "73 | Total Police In Kind: | Oct–Mar | 0",
			"73 | Total Police In Kind: | Total | 284100",
			"123 | Total New commissioning funding sources | Apr–Sep | 0",
			"123 | Total New commissioning funding sources | Total | 801167", "124 | TOTAL | Oct–Mar | 1216892",
			"126 | GRAND TOTAL | Total | 3249023");

	@Test
	void theCsvAddsUpWhereTheSeedDoesAndNowhereElse() {
		ScheduleReconciliation reconciliation = reconcile(SeedSchedule.csv(), "exe-0025-13-schedule.csv");
		assertThat(reconciliation.discrepancies().stream().map(SeedScheduleGoldenTest::words))
			.containsExactlyElementsOf(DISCREPANCIES);
		assertThat(reconciliation.reproduced().stream().map(SeedScheduleGoldenTest::words))
			.containsExactlyElementsOf(REPRODUCED);
	}

	@Test
	void theSameTableInExcelGivesTheSameFigures() throws IOException {
		ScheduleReconciliation reconciliation = reconcile(SeedSchedule.xlsx(), "exe-0025-13-schedule.xlsx");
		assertThat(reconciliation.discrepancies().stream().map(SeedScheduleGoldenTest::words))
			.containsExactlyElementsOf(DISCREPANCIES);
		assertThat(reconciliation.reproduced().stream().map(SeedScheduleGoldenTest::words))
			.containsExactlyElementsOf(REPRODUCED);
	}

	@Test
	void theDifferencesTheTableExplainsAreExplained() {
		Map<String, String> why = reconcile(SeedSchedule.csv(), "seed.csv").discrepancies()
			.stream()
			.collect(Collectors.toMap(d -> d.row() + " " + d.column().label(), Discrepancy::summed, (a, b) -> a));
		assertThat(why.get("12 Oct–Mar")).contains("comment (\"… Replaces above\") of row 5");
		assertThat(why.get("24 Oct–Mar")).contains("comment (\"… Replaces above\") of row 15");
		assertThat(why.get("24 Apr–Sep")).doesNotContain("comment");
		assertThat(why.get("123 Oct–Mar")).contains("the 15 lines whose amount is printed only in the Total column");
		assertThat(why.get("103 Total")).isEqualTo("the amount is printed only in the Total column");
	}

	@Test
	void theSheetHasTheSeedsSectionsAndLines() {
		ScheduleSheet sheet = ScheduleSheet.of(SheetReader.read("seed.csv", SeedSchedule.csv()));
		assertThat(sheet.sections().stream().map(s -> s.name() + " " + s.lines().size())).containsExactly(
				"Leicester city 8", "Leicestershire County Council 10", "Rutland County Council 4",
				"Lines under no heading (from row 31) 28", "Police Force 6", "Police In Kind 4",
				"New commissioning funding sources (not allocated above) 37");
		assertThat(sheet.lines()).hasSize(97);
		assertThat(sheet.unallocated().orElseThrow().total()).isEqualTo(Money.of("8794"));
	}

	/**
	 * With the two readings the import makes (the "Replaces above" amount as the
	 * replacing line's Oct–Mar amount, an amount printed only in Total as Oct–Mar), the
	 * imported lines reproduce the printed half-year subtotals of Leicester City and of
	 * the new commissioning funding sources, and the printed TOTAL's Oct–Mar 1,216,892.
	 */
	@Test
	void importedLinesReproduceThePrintedHalfYears() {
		ImportReading reading = reading();
		List<ReadLine> lines = reading.lines();
		assertThat(lines).hasSize(97);
		assertThat(sum(lines, ReadLine::aprSep)).isEqualTo(Money.of("2023339"));
		assertThat(sum(lines, ReadLine::octMar)).isEqualTo(Money.of("1216892"));
		assertThat(sum(lines, ReadLine::total)).isEqualTo(Money.of("3240231"));
		List<ReadLine> city = lines.stream().filter(l -> "Leicester city".equals(l.section())).toList();
		assertThat(sum(city, ReadLine::aprSep)).isEqualTo(Money.of("522439"));
		assertThat(sum(city, ReadLine::octMar)).isEqualTo(Money.of("125680"));
		List<ReadLine> county = lines.stream()
			.filter(l -> "Leicestershire County Council".equals(l.section()))
			.toList();
		assertThat(sum(county, ReadLine::octMar)).isEqualTo(Money.of("124745"));
		List<ReadLine> fresh = lines.stream()
			.filter(l -> l.section() != null && l.section().startsWith("New commissioning"))
			.toList();
		assertThat(sum(fresh, ReadLine::octMar)).isEqualTo(Money.of("801167"));
		assertThat(fresh).allMatch(l -> l.status() == LineStatus.NEW_FUNDING_STREAM);
	}

	@Test
	void theReplacedByBelowPairIsKeptAndCountedForEachHalfYear() {
		ReadLine youthCrime = line(4);
		ReadLine dip = line(5);
		assertThat(youthCrime.aprSep()).isEqualTo(Money.of("52880"));
		assertThat(youthCrime.octMar()).isEqualTo(Money.ZERO);
		assertThat(dip.aprSep()).isEqualTo(Money.of("215478"));
		assertThat(dip.octMar()).isEqualTo(Money.of("52880"));
		assertThat(dip.notes()).anyMatch(n -> n.contains("taken from the comment"));
		assertThat(dip.periods().get(1).startsOn()).hasToString("2013-10-01");
		assertThat(dip.periods().get(1).endsOn()).hasToString("2014-03-31");
	}

	@Test
	void recipientsRoutesAndThemesAreReadByTheirRules() {
		assertThat(describe(line(4))).isEqualTo("Leicester city | Youth Crime & Substance Misuse Prevention Activities "
				+ "Co Commissioning plans are in development with the City Drug and Alcohol Commissioning Board. | "
				+ "COMMITTED | DIRECT | 11");
		assertThat(describe(line(11)))
			.isEqualTo("Leicester city | Youth Prevention and Diversion Pathway | COMMITTED | DIRECT | 11");
		assertThat(describe(line(19)))
			.isEqualTo("Leicestershire County Council | Domestic Homicide Reviews | INDICATIVE | DIRECT | 13");
		assertThat(describe(line(48))).isEqualTo("Blaby CSP | Localities Fund | COMMITTED | DIRECT | 12");
		assertThat(describe(line(34)))
			.isEqualTo("Contact Project (The) | Contact Project (The) | COMMITTED | DIRECT | 12");
		assertThat(describe(line(55)))
			.isEqualTo("Counties BCU | Contribution from the CSF | COMMITTED | BCU_FUND | 11");
		assertThat(describe(line(59))).isEqualTo(
				"City BCU Contribution from the CSF | City BCU Contribution from the CSF | COMMITTED | BCU_FUND | 11");
		assertThat(describe(line(69))).isEqualTo("Police Force | Alcohol Liaison | COMMITTED | DIRECT | 11");
		assertThat(line(69).inKind()).isTrue();
		assertThat(line(63).inKind()).isFalse();
		assertThat(describe(line(75))).isEqualTo(ImportReading.COMMISSIONER
				+ " | Co Commissioning with the Sub regional Drug & Alcohol Commissioning Board | NEW_FUNDING_STREAM | CONTRACT | 11");
		assertThat(describe(line(81)))
			.isEqualTo(ImportReading.COMMISSIONER + " | Innovation fund | NEW_FUNDING_STREAM | INNOVATION_FUND | 15");
		assertThat(describe(line(83))).isEqualTo("Living Without Abuse | UR? | NEW_FUNDING_STREAM | PCC_GRANT | 13");
		assertThat(describe(line(88)))
			.isEqualTo("Westcotes Street Pastors | Westcotes Street Pastors | NEW_FUNDING_STREAM | PCC_GRANT | 13");
		assertThat(describe(line(96)))
			.isEqualTo("Safer Leicester Partnership | Overall Crime | NEW_FUNDING_STREAM | CSP_BUSINESS_CASE | 12");
		assertThat(describe(line(103))).isEqualTo(
				"Blaby & Hinckley Community Safety Partnership | Safety Crew (Hinckley only) | NEW_FUNDING_STREAM | CSP_BUSINESS_CASE | 12");
		assertThat(line(103).section()).isEqualTo("New commissioning funding sources (not allocated above) / "
				+ "Co Commissioning with Community Safety Partnership further to submission and review of a Business Case by each CSP / "
				+ "Blaby & Hinckley Community Safety Partnership");
		assertThat(describe(line(10))).endsWith("| 14");
		assertThat(describe(line(9))).endsWith("| 13");
	}

	@Test
	void theTwoThemeCellsThatNameNoThemeExactlySaySo() {
		List<ReadLine> truncated = reading().lines()
			.stream()
			.filter(l -> l.themeCell().equals("Neighbourhoods Safer"))
			.toList();
		assertThat(truncated).extracting(ReadLine::row).containsExactly(7, 17, 28);
		assertThat(truncated).allMatch(l -> l.themeId() == SeedSchedule.SAFER.id() && l.notes()
			.contains(
					"“Neighbourhoods Safer” is part of one theme's name: linked to “Making our Communities and Neighbourhoods Safer”"));
		ReadLine twoThemes = line(9);
		assertThat(twoThemes.themeCell()).isEqualTo("Protecting the Vulnerable Reoffending and Offending");
		assertThat(twoThemes.themeId()).isEqualTo(SeedSchedule.VULNERABLE.id());
		assertThat(twoThemes.notes()).contains("“Protecting the Vulnerable Reoffending and Offending” names 2 themes "
				+ "(Protecting the Vulnerable and Reoffending and Offending): linked to the first, “Protecting the Vulnerable”");
		assertThat(reading().lines().stream().filter(l -> l.themeId() == null)).isEmpty();
	}

	@Test
	void eachSectionGetsTheFirstStreamWithRoomByDefault() {
		assertThat(
				reading().sections().stream().map(s -> s.total().amount().toBigInteger() + " " + s.defaultStreamId()))
			.containsExactly("648119 21", "551891 21", "38819 21", "508700 22", "407435 21", "284100 22", "801167 22");
	}

	private static ReadLine line(int row) {
		return reading().lines().stream().filter(l -> l.row() == row).findFirst().orElseThrow();
	}

	private static String describe(ReadLine line) {
		return line.recipientName() + " | " + line.initiative() + " | " + line.status() + " | " + line.route() + " | "
				+ line.themeId();
	}

	static ImportReading reading() {
		return ImportReading.of(ScheduleSheet.of(SheetReader.read("seed.csv", SeedSchedule.csv())), SeedSchedule.YEAR,
				SeedSchedule.THEMES, SeedSchedule.STREAMS, List.of());
	}

	private static Money sum(List<ReadLine> lines, Function<ReadLine, Money> amount) {
		return lines.stream().map(amount).reduce(Money.ZERO, Money::plus);
	}

	private static ScheduleReconciliation reconcile(byte[] content, String name) {
		return ScheduleReconciliation.of(ScheduleSheet.of(SheetReader.read(name, content)));
	}

	private static String words(Discrepancy d) {
		return d.row() + " | " + d.label() + " | " + d.column().label() + " | " + pounds(d.printed()) + " | "
				+ pounds(d.sum()) + " | " + pounds(d.difference());
	}

	private static String words(Figure f) {
		return f.row() + " | " + f.label() + " | " + f.column().label() + " | " + pounds(f.amount());
	}

	private static String pounds(Money money) {
		return money.amount().stripTrailingZeros().toPlainString();
	}

	@SuppressWarnings("unused")
	private static final PurchasingRoute[] ROUTES = PurchasingRoute.values();

}
