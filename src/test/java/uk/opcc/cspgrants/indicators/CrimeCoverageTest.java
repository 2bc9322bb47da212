package uk.opcc.cspgrants.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.FinancialYear;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year is whole for a set of partnerships when each one's home force has its 12 months,
 * whatever other partnerships lack: a run over the Leicestershire districts is not held
 * up by a partnership of another force with 11 months.
 */
class CrimeCoverageTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2023-24");

	@Test
	void aSetIsCompleteWhenItsOwnPartnershipsAre() {
		CrimeSource blaby = source("BLA", "Blaby", "Leicestershire Police", 12);
		CrimeSource nottingham = source("NOT", "Nottingham", "Nottinghamshire Police", 11);
		CrimeCoverage all = new CrimeCoverage(YEAR, List.of(), List.of(blaby, nottingham));

		assertThat(all.complete()).isFalse();
		assertThat(all.problem()).contains("Nottingham (Nottinghamshire Police has 11 of 12 months");
		assertThat(all.of(List.of("BLA")).complete()).isTrue();
		assertThat(all.of(List.of("BLA")).problem()).isNull();
		assertThat(all.of(List.of("BLA", "NOT")).complete()).isFalse();
		assertThat(all.of(List.of()).complete()).isFalse();
	}

	private static CrimeSource source(String code, String name, String force, int months) {
		List<YearMonth> loaded = new ArrayList<>();
		for (int i = 0; i < months; i++) {
			loaded.add(YearMonth.of(2023, 4).plusMonths(i));
		}
		return new CrimeSource(code, name, YEAR, List.of(new CrimeSource.Force(force, loaded, 1000, List.of())));
	}

}
