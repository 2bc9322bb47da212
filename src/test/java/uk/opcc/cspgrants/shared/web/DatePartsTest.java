package uk.opcc.cspgrants.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatePartsTest {

	private static final String WHAT = "the date the payment was made";

	@Test
	void aRealDateTypedInThreeBoxes() {
		assertThat(new DateParts("31", "7", "2024").toDate("paidOn", WHAT)).isEqualTo(LocalDate.of(2024, 7, 31));
		assertThat(new DateParts(" 01 ", "07", "2024").toDate("paidOn", WHAT)).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(new DateParts("1", "December", "2026").toDate("paidOn", WHAT)).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(new DateParts("1", "dec", "2026").toDate("paidOn", WHAT)).isEqualTo(LocalDate.of(2026, 12, 1));
	}

	@Test
	void refusalsAreTheDesignSystemsMessagesOnTheField() {
		assertRefused(new DateParts("", "", ""), "Enter the date the payment was made");
		assertRefused(new DateParts(null, null, null), "Enter the date the payment was made");
		assertRefused(new DateParts("31", "", "2024"), "The date the payment was made must include a month");
		assertRefused(new DateParts("", "", "2024"), "The date the payment was made must include a day and a month");
		assertRefused(new DateParts("31", "7", "24"), "Year must include 4 numbers");
		assertRefused(new DateParts("31", "2", "2024"), "The date the payment was made must be a real date");
		assertRefused(new DateParts("29", "2", "2023"), "The date the payment was made must be a real date");
		assertRefused(new DateParts("1", "13", "2024"), "The date the payment was made must be a real date");
		assertRefused(new DateParts("x", "7", "2024"), "The date the payment was made must be a real date");
		assertThat(new DateParts("29", "2", "2024").toDate("paidOn", WHAT)).isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@Test
	void aDateShownAgainIsTheDateItCameFrom() {
		DateParts parts = DateParts.of(LocalDate.of(2026, 12, 1));
		assertThat(parts).isEqualTo(new DateParts("1", "12", "2026"));
		assertThat(parts.toDate("on", "the date")).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(DateParts.of(null).isBlank()).isTrue();
		assertThat(DateParts.empty().toDateOrNull("on", "the date")).isNull();
	}

	@Test
	void datesForPeopleAreWrittenAsTheStyleGuideSays() {
		assertThat(Dates.day(LocalDate.of(2024, 7, 31))).isEqualTo("31 July 2024");
		assertThat(Dates.day(LocalDate.of(2026, 12, 1))).isEqualTo("1 December 2026");
		assertThat(Dates.month(YearMonth.of(2023, 4))).isEqualTo("April 2023");
		assertThat(Dates.month(LocalDate.of(2023, 4, 30))).isEqualTo("April 2023");
		// UK time: British Summer Time in July, Greenwich Mean Time in December
		assertThat(Dates.dayAndTime(Instant.parse("2024-07-31T15:05:00Z"))).isEqualTo("31 July 2024 at 4:05pm");
		assertThat(Dates.dayAndTime(Instant.parse("2026-12-02T04:42:50Z"))).isEqualTo("2 December 2026 at 4:42am");
		assertThat(Dates.dayAndTime(Instant.parse("2026-12-02T12:00:00Z"))).isEqualTo("2 December 2026 at midday");
		assertThat(Dates.dayAndTime(Instant.parse("2024-06-30T23:00:00Z"))).isEqualTo("1 July 2024 at midnight");
		assertThat(Dates.day(null)).isEmpty();
	}

	private static void assertRefused(DateParts parts, String message) {
		assertThatThrownBy(() -> parts.toDate("paidOn", WHAT)).isInstanceOf(ValidationException.class)
			.satisfies(refusal -> assertThat(((ValidationException) refusal).fieldErrors()).containsEntry("paidOn",
					message));
	}

}
