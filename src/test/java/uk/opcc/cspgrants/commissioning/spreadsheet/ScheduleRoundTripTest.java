package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.commissioning.AwardLineView;
import uk.opcc.cspgrants.commissioning.ScheduleStatus;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.commissioning.spreadsheet.ImportReading.ReadLine;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export then import gives the same lines: the seed's table is read, made into the
 * schedule the import would store, written as CSV and as Excel, and read again.
 */
class ScheduleRoundTripTest {

	private static final Map<Long, String> THEME_NAMES = SeedSchedule.THEMES.stream()
		.collect(Collectors.toMap(ThemeView::id, ThemeView::name));

	@Test
	void theCsvExportImportsAsTheSameLines() {
		ScheduleView schedule = stored(SeedScheduleGoldenTest.reading());
		byte[] csv = ScheduleSheetWriter.csv(schedule, Money.of("3249023"));
		assertThat(lines(again("export.csv", csv))).containsExactlyElementsOf(lines(SeedScheduleGoldenTest.reading()));
	}

	@Test
	void theExcelExportImportsAsTheSameLines() {
		ScheduleView schedule = stored(SeedScheduleGoldenTest.reading());
		byte[] xlsx = ScheduleSheetWriter.xlsx(schedule, Money.of("3249023"));
		assertThat(lines(again("export.xlsx", xlsx)))
			.containsExactlyElementsOf(lines(SeedScheduleGoldenTest.reading()));
	}

	/**
	 * The export adds up everywhere: its subtotals are its lines', its TOTAL is the
	 * seed's lines as imported (2,023,339 + 1,216,892 = 3,240,231) and its unallocated
	 * funding is the streams' 3,249,023 less that, 8,792.
	 */
	@Test
	void theExportAddsUpAndShowsTheUnallocatedFunding() {
		byte[] csv = ScheduleSheetWriter.csv(stored(SeedScheduleGoldenTest.reading()), Money.of("3249023"));
		ScheduleSheet sheet = ScheduleSheet.of(SheetReader.read("export.csv", csv));
		assertThat(ScheduleReconciliation.of(sheet).discrepancies()).isEmpty();
		assertThat(sheet.total().orElseThrow().aprSep()).isEqualTo(Money.of("2023339"));
		assertThat(sheet.total().orElseThrow().octMar()).isEqualTo(Money.of("1216892"));
		assertThat(sheet.total().orElseThrow().total()).isEqualTo(Money.of("3240231"));
		assertThat(sheet.unallocated().orElseThrow().total()).isEqualTo(Money.of("8792"));
		assertThat(sheet.grandTotal().orElseThrow().total()).isEqualTo(Money.of("3249023"));
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("Organisation/Initiative,Apr 13 - Sept 13 (Except where stated),"
				+ "Oct 13-Mar 14 Indicative (Except where stated),Total,Comments,Links to police and Crime Plan Theme");
		assertThat(text).contains("Total Leicester city,\"522,439.00\",\"125,680.00\",\"648,119.00\"");
	}

	@Test
	void aReplacedLineIsLeftOutOfTheExport() {
		ScheduleView schedule = stored(SeedScheduleGoldenTest.reading());
		List<AwardLineView> lines = new ArrayList<>(schedule.lines());
		AwardLineView first = lines.get(0);
		lines.set(0, new AwardLineView(first.id(), first.position(), first.section(), first.organisationId(),
				first.organisationName(), first.organisationIdentifier(), first.partnershipId(), first.initiative(),
				first.status(), first.streamId(), first.streamName(), first.themeId(), first.themeName(), first.route(),
				null, null, null, first.inKind(), first.comments(), null, 2L, null, first.periods()));
		ScheduleView replaced = new ScheduleView(schedule.id(), schedule.year(), schedule.title(), schedule.status(),
				schedule.tolerancePercent(), null, 0, lines);
		ScheduleSheet sheet = ScheduleSheet
			.of(SheetReader.read("export.csv", ScheduleSheetWriter.csv(replaced, Money.of("3249023"))));
		assertThat(sheet.lines()).hasSize(96);
		assertThat(sheet.sections().get(0).subtotal().aprSep()).isEqualTo(Money.of("469559"));
	}

	private static ImportReading again(String name, byte[] content) {
		return ImportReading.of(ScheduleSheet.of(SheetReader.read(name, content)), SeedSchedule.YEAR,
				SeedSchedule.THEMES, SeedSchedule.STREAMS, List.of());
	}

	/**
	 * The schedule the import stores from a reading, each recipient its own organisation.
	 */
	static ScheduleView stored(ImportReading reading) {
		List<AwardLineView> lines = new ArrayList<>();
		for (ReadLine line : reading.lines()) {
			List<AwardLineView.Period> periods = new ArrayList<>();
			for (int p = 0; p < line.periods().size(); p++) {
				periods.add(new AwardLineView.Period(p + 1, line.periods().get(p).startsOn(),
						line.periods().get(p).endsOn(), line.periods().get(p).amount()));
			}
			lines.add(new AwardLineView(1000 + line.position(), line.position(), line.section(),
					2000 + line.recipientName().hashCode(), line.recipientName(), "360G-test", null, line.initiative(),
					line.status(), 21, "PCC Community Safety Grant", line.themeId(), THEME_NAMES.get(line.themeId()),
					line.route(), null, null, null, line.inKind(), line.comments(), null, null, null, periods));
		}
		return new ScheduleView(1, SeedSchedule.YEAR, "Police and Crime Commissioner funding allocations for 2013/14",
				ScheduleStatus.DRAFT, BigDecimal.ZERO, null, 3, lines);
	}

	private static List<String> lines(ImportReading reading) {
		Function<ReadLine, String> words = line -> String.join(" | ", line.recipientName(), line.initiative(),
				String.valueOf(line.section()), line.status().name(), line.route().name(),
				String.valueOf(line.themeId()), String.valueOf(line.inKind()), String.valueOf(line.comments()),
				line.periods()
					.stream()
					.map(p -> p.startsOn() + ".." + p.endsOn() + " " + p.amount().amount().toPlainString())
					.collect(Collectors.joining(", ")));
		return reading.lines().stream().map(words).toList();
	}

}
