package uk.opcc.cspgrants.indicators;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading police.uk files, without Spring. The figures for April 2023 were counted
 * independently of this code (a short Python script over the same file): 9,595 records,
 * Hinckley and Bosworth 718 crimes, 263 crimes with no location, 763 anti-social
 * behaviour incidents.
 */
class PoliceUkFilesTest {

	private static final YearMonth APRIL_2023 = YearMonth.of(2023, 4);

	@Test
	void countsEachRecordByMonthAreaAndCrimeType() throws Exception {
		CrimeTally tally = PoliceUkFiles.read(List.of(classpath("police-uk/2023-04-leicestershire-street.csv")));

		assertThat(tally.refused()).isEmpty();
		assertThat(tally.records()).isEqualTo(9_595);
		Map<String, Map<String, Long>> april = tally.counts().get(APRIL_2023);
		assertThat(crimes(april.get("Hinckley and Bosworth"))).isEqualTo(718);
		assertThat(crimes(april.get("Leicester"))).isEqualTo(3_849);
		assertThat(crimes(april.get(""))).isEqualTo(263);
		assertThat(crimes(april.get("Rugby"))).isEqualTo(20);
		long antiSocialBehaviour = april.values()
			.stream()
			.mapToLong(byType -> byType.getOrDefault("Anti-social behaviour", 0L))
			.sum();
		assertThat(antiSocialBehaviour).isEqualTo(763);
	}

	@Test
	void theAreaIsTheLsoaNameWithoutItsLastWord() {
		assertThat(PoliceUkFiles.area("Charnwood 012A")).isEqualTo("Charnwood");
		assertThat(PoliceUkFiles.area("Hinckley and Bosworth 007B")).isEqualTo("Hinckley and Bosworth");
		assertThat(PoliceUkFiles.area("")).isEmpty();
	}

	@Test
	void refusesAFileThatIsNotAStreetFileAndRowsItCannotRead() throws Exception {
		UploadedFile wrong = text("wrong.csv", "Code,Name\nE07000130,Charnwood\n");
		UploadedFile badRow = text("bad-row.csv",
				String.join(",", PoliceUkFiles.STREET_HEADER) + "\n"
						+ "x,2023-04,Leicestershire Police,Leicestershire Police,,,No location,,,Burglary,,\n"
						+ "y,April 2023,Leicestershire Police,Leicestershire Police,,,No location,,,Burglary,,\n"
						+ "z,2023-04,Leicestershire Police,Leicestershire Police,,,No location,,,,,\n");

		CrimeTally tally = PoliceUkFiles.read(List.of(wrong, badRow));

		assertThat(tally.refused()).extracting(RefusedRow::file, RefusedRow::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("wrong.csv", 1L),
					org.assertj.core.groups.Tuple.tuple("bad-row.csv", 3L),
					org.assertj.core.groups.Tuple.tuple("bad-row.csv", 4L));
		assertThat(tally.refused().get(1).reason()).isEqualTo("The month \"April 2023\" is not a month like 2023-04");
		assertThat(tally.refused().get(2).reason()).isEqualTo("The crime type is missing");
	}

	@Test
	void readsTheCompactExportBack() throws Exception {
		UploadedFile compact = text("counts.csv",
				"Month,Reported by,Area,Crime type,Count\n2023-04,F,Charnwood,Burglary,12\n2023-04,F,,Drugs,3\n2023-05,F,Charnwood,Burglary,7\n");
		CrimeTally tally = PoliceUkFiles.read(List.of(compact));
		assertThat(tally.records()).isEqualTo(22);
		assertThat(tally.counts().get(APRIL_2023).get("Charnwood")).containsEntry("Burglary", 12L);
		assertThat(tally.counts().get(APRIL_2023).get("")).containsEntry("Drugs", 3L);
	}

	private static long crimes(Map<String, Long> byType) {
		return byType.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().equals("Anti-social behaviour"))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	@Test
	void countsBeyondAnIntAreKeptExactly() throws Exception {
		UploadedFile compact = text("large.csv",
				"Month,Reported by,Area,Crime type,Count\n2023-04,F,Charnwood,Burglary,2147483647\n"
						+ "2023-04,F,Charnwood,Burglary,1\n2023-04,F,,Drugs,2147483647\n");
		CrimeTally tally = PoliceUkFiles.read(List.of(compact));
		assertThat(tally.refused()).isEmpty();
		assertThat(tally.counts().get(APRIL_2023).get("Charnwood")).containsEntry("Burglary", 2_147_483_648L);
		assertThat(tally.records()).isEqualTo(4_294_967_295L);
		assertThat(tally.recordsIn(APRIL_2023)).isEqualTo(4_294_967_295L);
	}

	@Test
	void refusesACountOrARunningTotalBeyondTheLargestLong() throws Exception {
		UploadedFile compact = text("too-many.csv",
				"Month,Reported by,Area,Crime type,Count\n2023-04,F,Charnwood,Burglary,9223372036854775807\n"
						+ "2023-04,F,Charnwood,Burglary,1\n2023-05,F,Blaby,Drugs,1\n2023-05,F,Blaby,Drugs,9223372036854775808\n"
						+ "2023-05,F,Blaby,Drugs,-1\n");
		CrimeTally tally = PoliceUkFiles.read(List.of(compact));
		assertThat(tally.refused()).extracting(RefusedRow::file, RefusedRow::line, RefusedRow::reason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("too-many.csv", 3L,
							"The count 1 takes Burglary in Charnwood for 2023-04 past the most that can be kept "
									+ "(9,223,372,036,854,775,807)"),
					org.assertj.core.groups.Tuple.tuple("too-many.csv", 4L,
							"The count 1 takes the records of these files past the most that can be kept "
									+ "(9,223,372,036,854,775,807)"),
					org.assertj.core.groups.Tuple.tuple("too-many.csv", 5L,
							"The count \"9223372036854775808\" is not a whole number from 0 to 9,223,372,036,854,775,807"),
					org.assertj.core.groups.Tuple.tuple("too-many.csv", 6L,
							"The count \"-1\" is not a whole number from 0 to 9,223,372,036,854,775,807"));
		assertThat(tally.counts().get(APRIL_2023).get("Charnwood")).containsEntry("Burglary", Long.MAX_VALUE);
	}

	static UploadedFile classpath(String path) {
		ClassPathResource resource = new ClassPathResource(path);
		return UploadedFile.of(resource.getFilename(), resource::getInputStream);
	}

	static UploadedFile text(String name, String content) {
		return UploadedFile.of(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
