package uk.opcc.cspgrants.indicators;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.FinancialYear;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.indicators.PoliceUkFilesTest.text;

/**
 * The rules of reading police.uk files per force and month, and of saying where a
 * partnership's figures came from, without Spring. Each expected figure is counted by
 * hand from the few rows written here.
 */
class CrimeFileRulesTest {

	static final String LEICESTERSHIRE = "Leicestershire Police";

	static final String NOTTINGHAMSHIRE = "Nottinghamshire Police";

	/** A police.uk street file of the given records. */
	static String street(String... records) {
		return String.join(",", PoliceUkFiles.STREET_HEADER) + "\n" + String.join("\n", records) + "\n";
	}

	/**
	 * One street record: crime ID (empty for anti-social behaviour), month, force, LSOA.
	 */
	static String record(String crimeId, String month, String force, String lsoaName, String crimeType) {
		return crimeId + "," + month + "," + force + "," + force + ",-1.1,52.6,On or near X,E01000001," + lsoaName + ","
				+ crimeType + ",,";
	}

	@Test
	void aCrimeIdIsCountedOncePerForceAndMonthAndTheDuplicatesDroppedAreCounted() throws Exception {
		UploadedFile file = text("2032-04-leicestershire-street.csv",
				street(record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
						record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
						record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
						record("b", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Drugs"),
						record("", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Anti-social behaviour"),
						record("", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Anti-social behaviour")));

		CrimeTally tally = PoliceUkFiles.read(List.of(file));

		assertThat(tally.refused()).isEmpty();
		CrimeTally.FileCounts read = tally.files().get(0);
		// 6 records read; "a" twice more is 2 duplicates; 2 anti-social behaviour rows
		// without an ID both count: a, b and 2 = 4
		assertThat(read.recordsRead()).isEqualTo(6);
		assertThat(read.duplicatesDropped()).isEqualTo(2);
		assertThat(read.recordsCounted()).isEqualTo(4);
		assertThat(tally.counts().get(YearMonth.of(2032, 4)).get("Leicester")).containsEntry("Burglary", 1L)
			.containsEntry("Drugs", 1L)
			.containsEntry("Anti-social behaviour", 2L);
	}

	@Test
	void theSameCrimeIdInTwoForcesOrTwoMonthsCountsForEach() throws Exception {
		UploadedFile file = text("mixed.csv",
				street(record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
						record("a", "2032-05", LEICESTERSHIRE, "Leicester 001A", "Burglary"),
						record("a", "2032-04", NOTTINGHAMSHIRE, "Rushcliffe 001A", "Burglary")));
		CrimeTally tally = PoliceUkFiles.read(List.of(file));
		assertThat(tally.files().get(0).duplicatesDropped()).isZero();
		assertThat(tally.files().get(0).byForceMonth()).hasSize(3);
	}

	@Test
	void theSameContentTwiceInOneRequestIsRefusedNamingBothFiles() throws Exception {
		String content = street(record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"));
		CrimeTally tally = PoliceUkFiles.read(List.of(text("april.csv", content), text("april (1).csv", content)));
		assertThat(tally.refused()).extracting(RefusedRow::file, RefusedRow::line, RefusedRow::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("april (1).csv", 0L,
					"april (1).csv has the same content as april.csv, sent earlier in this request: send it once "
							+ "(it would be counted twice)."));
	}

	@Test
	void twoDifferentFilesForOneForcesMonthAreRefused() throws Exception {
		CrimeTally tally = PoliceUkFiles.read(List.of(
				text("april.csv", street(record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"))),
				text("april-again.csv", street(record("b", "2032-04", LEICESTERSHIRE, "Blaby 001A", "Drugs")))));
		assertThat(tally.refused()).extracting(RefusedRow::reason)
			.containsExactly("april.csv and april-again.csv both hold Leicestershire Police's records for 2032-04: "
					+ "a force's month is loaded from one file, so send one of them.");
	}

	@Test
	void twoForcesFilesForTheSameMonthAreBothRead() throws Exception {
		CrimeTally tally = PoliceUkFiles.read(List.of(
				text("leics.csv", street(record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary"))),
				text("notts.csv", street(record("a", "2032-04", NOTTINGHAMSHIRE, "Rushcliffe 001A", "Burglary")))));
		assertThat(tally.refused()).isEmpty();
		assertThat(tally.filesByForceMonth()).hasSize(2);
	}

	@Test
	void anEmptyFileAndAHeaderOnlyFileAreEachRefusedByName() throws Exception {
		CrimeTally tally = PoliceUkFiles.read(List.of(text("empty.csv", ""),
				text("header-only.csv", String.join(",", PoliceUkFiles.STREET_HEADER) + "\n"),
				text("good.csv", street(record("a", "2032-04", LEICESTERSHIRE, "Leicester 001A", "Burglary")))));
		assertThat(tally.refused()).extracting(RefusedRow::file, RefusedRow::reason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("empty.csv",
							"empty.csv is empty: it has no header and no records. Download it again from "
									+ "data.police.uk, or leave it out."),
					org.assertj.core.groups.Tuple.tuple("header-only.csv",
							"header-only.csv has a header but no records, so there is nothing to load from it: a "
									+ "police.uk file for a month has records, so download it again, or leave it out."));
	}

	@Test
	void theCompactFormatFromBeforeForcesWereKeptIsRefusedSayingWhatToChange() throws Exception {
		CrimeTally tally = PoliceUkFiles
			.read(List.of(text("old.csv", "Month,Area,Crime type,Count\n2023-04,Leicester,Burglary,3\n")));
		assertThat(tally.refused()).singleElement()
			.extracting(RefusedRow::reason)
			.isEqualTo("This is the compact format from before forces were kept (Month,Area,Crime type,Count): "
					+ "add a column Reported by after Month with the force that reported each row (for example "
					+ "Leicestershire Police), so that the first line reads Month,Reported by,Area,Crime type,Count");
		assertThat(tally.files().get(0).byForceMonth()).isEmpty();
	}

	@Test
	void aCompleteYearNamesItsHomeForceItsMonthsAndFilesAndAnyBorderForce() {
		FinancialYear year = FinancialYear.parse("2023-24");
		Set<YearMonth> allYear = Set.copyOf(months(YearMonth.of(2023, 4), 12));
		CrimeSource source = CrimeSource.of("LEI", "Leicester", year,
				Map.of(LEICESTERSHIRE, 49_920L, NOTTINGHAMSHIRE, 2L),
				Map.of(LEICESTERSHIRE, allYear, NOTTINGHAMSHIRE, Set.of(YearMonth.of(2023, 4))),
				Map.of(LEICESTERSHIRE, files(months(YearMonth.of(2023, 4), 12)), NOTTINGHAMSHIRE,
						files(List.of(YearMonth.of(2023, 4)))));
		assertThat(source.complete()).isTrue();
		assertThat(source.home().force()).isEqualTo(LEICESTERSHIRE);
		assertThat(source.text()).isEqualTo("police.uk: Leicestershire Police, Apr 2023 to Mar 2024, 12 files; "
				+ "also Nottinghamshire Police (records in this area it reported), Apr 2023, 1 file");
	}

	@Test
	void aYearIsIncompleteWhileItsHomeForceLacksAMonthWhateverOtherForcesHave() {
		FinancialYear year = FinancialYear.parse("2023-24");
		List<YearMonth> elevenMonths = months(YearMonth.of(2023, 4), 11);
		CrimeSource source = CrimeSource.of(
				"MEL", "Melton", year, Map.of(LEICESTERSHIRE, 3_000L, NOTTINGHAMSHIRE, 5L), Map.of(LEICESTERSHIRE,
						Set.copyOf(elevenMonths), NOTTINGHAMSHIRE, Set.copyOf(months(YearMonth.of(2023, 4), 12))),
				Map.of(LEICESTERSHIRE, files(elevenMonths)));
		assertThat(source.complete()).isFalse();
		assertThat(source.missing()).containsExactly(YearMonth.of(2024, 3));
		assertThat(source.text()).isEqualTo("police.uk: Leicestershire Police, 11 of 12 months (Apr 2023 to Feb 2024; "
				+ "not loaded: Mar 2024), 11 files; also Nottinghamshire Police (records in this area it reported), "
				+ "Apr 2023 to Mar 2024, 0 files");
		CrimeCoverage coverage = new CrimeCoverage(year, List.of(), List.of(source));
		assertThat(coverage.complete()).isFalse();
		assertThat(coverage.problem()).isEqualTo("Police.uk crime for 2023-24 is not complete for Melton "
				+ "(Leicestershire Police has 11 of 12 months; not loaded: Mar 2024)");
	}

	@Test
	void monthsAreWrittenAsRanges() {
		assertThat(CrimeSource.months(
				List.of(YearMonth.of(2023, 4), YearMonth.of(2023, 6), YearMonth.of(2023, 7), YearMonth.of(2023, 9))))
			.isEqualTo("Apr 2023, Jun 2023 to Jul 2023, Sep 2023");
	}

	private static List<YearMonth> months(YearMonth first, int count) {
		return java.util.stream.Stream.iterate(first, month -> month.plusMonths(1)).limit(count).toList();
	}

	private static List<CrimeSource.LoadedFile> files(List<YearMonth> months) {
		return months.stream()
			.map(month -> new CrimeSource.LoadedFile(month, month + "-street.csv", null, null, null, "today",
					"officer"))
			.toList();
	}

}
