package uk.opcc.cspgrants.shared.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.calendar.BankHolidayFile.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped bank holidays file has the real dates of each division, the one-off days
 * and the substitute days included (checked as a whole against the npm package
 * date-holidays by {@code scripts/bank-holidays/check.js}); a file that is not in the
 * GOV.UK format is refused with what is wrong.
 */
class BankHolidayFileTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final BankHolidayFile shipped = BankHolidayFile.read(this.json, shipped(), "file");

	@Test
	void englandAndWalesHasTheSummerBankHolidayAndTheSubstituteBoxingDay() {
		assertThat(this.shipped.events("england-and-wales")).contains(
				new Event("Summer bank holiday", LocalDate.of(2024, 8, 26), ""),
				new Event("Boxing Day", LocalDate.of(2026, 12, 28), "Substitute day"),
				new Event("Early May bank holiday (VE day)", LocalDate.of(2020, 5, 8), ""),
				new Event("Platinum Jubilee bank holiday", LocalDate.of(2022, 6, 3), ""),
				new Event("Spring bank holiday", LocalDate.of(2022, 6, 2), ""),
				new Event("Bank Holiday for the State Funeral of Queen Elizabeth II", LocalDate.of(2022, 9, 19), ""),
				new Event("Bank holiday for the coronation of King Charles III", LocalDate.of(2023, 5, 8), ""));
		assertThat(this.shipped.dates("england-and-wales")).doesNotContain(LocalDate.of(2020, 5, 4),
				LocalDate.of(2022, 5, 30), LocalDate.of(2026, 12, 26));
		assertThat(this.shipped.dates("england-and-wales").stream().filter(day -> day.getYear() == 2024))
			.containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1),
					LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 27), LocalDate.of(2024, 8, 26),
					LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 26));
	}

	@Test
	void scotlandHasTheSecondOfJanuaryStAndrewsDayAndTheFirstMondayOfAugust() {
		assertThat(this.shipped.events("scotland")).contains(
				new Event("St Andrew’s Day", LocalDate.of(2025, 12, 1), "Substitute day"),
				new Event("2nd January", LocalDate.of(2025, 1, 2), ""),
				new Event("2nd January", LocalDate.of(2022, 1, 4), "Substitute day"),
				new Event("New Year’s Day", LocalDate.of(2022, 1, 3), "Substitute day"),
				new Event("Summer bank holiday", LocalDate.of(2024, 8, 5), ""),
				new Event("St Andrew’s Day", LocalDate.of(2024, 12, 2), "Substitute day"));
		assertThat(this.shipped.dates("scotland")).doesNotContain(LocalDate.of(2024, 8, 26), LocalDate.of(2024, 4, 1),
				LocalDate.of(2025, 11, 30));
	}

	@Test
	void northernIrelandHasStPatricksDayAndTheBattleOfTheBoyne() {
		assertThat(this.shipped.events("northern-ireland")).contains(
				new Event("St Patrick’s Day", LocalDate.of(2025, 3, 17), ""),
				new Event("St Patrick’s Day", LocalDate.of(2024, 3, 18), "Substitute day"),
				new Event("Battle of the Boyne (Orangemen’s Day)", LocalDate.of(2025, 7, 14), "Substitute day"),
				new Event("Battle of the Boyne (Orangemen’s Day)", LocalDate.of(2024, 7, 12), ""),
				new Event("Summer bank holiday", LocalDate.of(2024, 8, 26), ""));
	}

	@Test
	void everyDivisionRunsFrom2018To2028OnWeekdaysOnly() {
		for (String division : BankHolidayFile.DIVISIONS) {
			assertThat(this.shipped.dates(division).get(0)).isEqualTo(LocalDate.of(2018, 1, 1));
			assertThat(this.shipped.dates(division).get(this.shipped.dates(division).size() - 1).getYear())
				.isEqualTo(2028);
			assertThat(this.shipped.dates(division)).allMatch(day -> day.getDayOfWeek().getValue() <= 5, "a weekday");
		}
	}

	@Test
	void refusesWhatIsNotAGovUkBankHolidaysFile() {
		assertRefused("not json", "The selected file must be a bank holidays file in JSON format");
		assertRefused("[1, 2]", "The selected file must be in the GOV.UK bank holidays format");
		assertRefused(shipped().replace("\"scotland\"", "\"scotland-x\""),
				"The selected file has no bank holidays for Scotland");
		assertRefused(shipped().replaceFirst("\"date\": \"2018-01-01\"", "\"date\": \"2018-02-30\""),
				"a date that is not a real date, written as 2024-08-26, for bank holiday 1 of England and Wales "
						+ "(New Year’s Day)");
		assertRefused(shipped().replaceFirst("\"date\": \"2018-03-30\"", "\"date\": \"2018-01-01\""),
				"The selected file has 2018-01-01 twice for England and Wales");
		assertRefused(shipped().replaceFirst("\"title\": \"New Year’s Day\"", "\"title\": \" \""),
				"The selected file has no title for bank holiday 1 of England and Wales");
	}

	private void assertRefused(String text, String message) {
		assertThatThrownBy(() -> BankHolidayFile.read(this.json, text, "file")).isInstanceOfSatisfying(
				ValidationException.class, refused -> assertThat(refused.fieldErrors().get("file")).contains(message));
	}

	static String shipped() {
		try {
			return new ClassPathResource("bank-holidays.json").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
