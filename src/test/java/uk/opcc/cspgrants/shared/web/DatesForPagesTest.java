package uk.opcc.cspgrants.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment's period is "not yet due" until its first day in the UK: 23:30 UTC on 30
 * September 2026 is already 1 October in London (BST), so a period starting on 1 October
 * has begun.
 */
class DatesForPagesTest {

	@Test
	void aDayIsYetToComeUntilItBeginsInTheUk() {
		DatesForPages dates = new DatesForPages(Clock.fixed(Instant.parse("2026-09-30T23:30:00Z"), ZoneOffset.UTC));
		assertThat(dates.yetToCome(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(dates.yetToCome(LocalDate.of(2026, 10, 2))).isTrue();
		assertThat(dates.yetToCome(LocalDate.of(2026, 4, 1))).isFalse();
	}

	@Test
	void todayIsTheUksDay() {
		// 1 October 2026 in London
		DatesForPages dates = new DatesForPages(Clock.fixed(Instant.parse("2026-09-30T23:30:00Z"), ZoneOffset.UTC));
		assertThat(dates.today()).isEqualTo(LocalDate.of(2026, 10, 1));
	}

}
