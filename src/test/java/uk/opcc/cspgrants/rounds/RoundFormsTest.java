package uk.opcc.cspgrants.rounds;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The round forms as typed: times, and criteria rows added, left blank and removed. */
class RoundFormsTest {

	@Test
	void timesAreTypedAsPeopleWriteThem() {
		assertThat(RoundTimes.toTime("9am", "opens", "the round opens")).isEqualTo(LocalTime.of(9, 0));
		assertThat(RoundTimes.toTime("5:30pm", "opens", "the round opens")).isEqualTo(LocalTime.of(17, 30));
		assertThat(RoundTimes.toTime("12pm", "opens", "the round opens")).isEqualTo(LocalTime.NOON);
		assertThat(RoundTimes.toTime("12am", "opens", "the round opens")).isEqualTo(LocalTime.MIDNIGHT);
		assertThat(RoundTimes.toTime("17:00", "opens", "the round opens")).isEqualTo(LocalTime.of(17, 0));
		assertThat(RoundTimes.toTime("Midday", "opens", "the round opens")).isEqualTo(LocalTime.NOON);
		assertThatThrownBy(() -> RoundTimes.toTime("midnight", "closes", "the round closes"))
			.hasMessage("Enter 12:01am or 11:59pm for the time the round closes: midnight could be the start or the "
					+ "end of the day");
		assertThatThrownBy(() -> RoundTimes.toTime("13pm", "closes", "the round closes"))
			.isInstanceOf(ValidationException.class)
			.hasMessage("Enter the time the round closes as a real time, for example 9am, 5:30pm or 17:00");
		assertThatThrownBy(() -> RoundTimes.toTime("", "closes", "the round closes"))
			.hasMessage("Enter the time the round closes, for example 9am or 17:00");
	}

	@Test
	void aMomentIsShownAsItWouldBeTyped() {
		java.time.Instant summer = java.time.Instant.parse("2013-07-31T16:00:00Z");
		assertThat(RoundTimes.timeOf(summer)).isEqualTo("5:00pm");
		assertThat(RoundTimes.dateOf(summer).day()).isEqualTo("31");
	}

	@Test
	void blankAndRemovedRowsAreNoCriteriaAndTheRestAreNumberedAgain() {
		MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
		row(sent, 1, "Evidence of need, and of demand", "60");
		row(sent, 2, "Dropped", "10");
		sent.add("remove-2", "true");
		row(sent, 3, "", "");
		row(sent, 4, "Outcomes", "40");
		sent.add("version", "3");
		CriteriaForm form = CriteriaForm.from(sent);
		assertThat(form.rows()).extracting(CriteriaForm.Row::name)
			.containsExactly("Evidence of need, and of demand", "Outcomes");
		assertThat(form.version()).isEqualTo(3L);
		assertThat(form.total()).isEqualByComparingTo("100");
		assertThat(form.toCriteria().totalWeight()).isEqualByComparingTo("100.00");
		assertThat(form.shown()).hasSize(2 + CriteriaForm.BLANK_ROWS);
	}

	@Test
	void aWeightThatIsNoNumberIsRefusedOnItsRow() {
		MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
		row(sent, 1, "Evidence of need", "sixty");
		row(sent, 2, "Outcomes", "40");
		assertThatThrownBy(() -> CriteriaForm.from(sent).toCriteria()).isInstanceOfSatisfying(ValidationException.class,
				refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("weight-1")
					.containsEntry("weight-1", "Enter the weight of criterion 1 as a number, like 20"));
	}

	private static void row(MultiValueMap<String, String> sent, int row, String name, String weight) {
		sent.add("name-" + row, name);
		sent.add("guidance-" + row, "");
		sent.add("weight-" + row, weight);
	}

}
