package uk.opcc.cspgrants.rounds.applying;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The task pages' rules in plain Java: each refusal on its field, in the applicant's
 * words.
 */
class ApplicationFormsTest {

	private static final Money SMALLEST = Money.of("500.00");

	private static final Money LARGEST = Money.of("5000.00");

	@Test
	void budgetLinesMustAddUpToTheAmountToThePenny() {
		FundingForm form = funding("4,999.99", "Coaches", "3000", "Hall hire", "2000");
		assertThat(refusals(() -> form.answers(SMALLEST, LARGEST))).containsOnlyKeys("total")
			.containsEntry("total",
					"The budget lines add up to £5,000.00: they must add up to the amount you are asking for, £4,999.99");
		Answers.Funding answers = funding("£5,000", "Coaches", "3,000.00", "Hall hire", "2000").answers(SMALLEST,
				LARGEST);
		assertThat(answers.amount()).isEqualTo(Money.of("5000.00"));
		assertThat(answers.lines()).containsExactly(new BudgetLine("Coaches", Money.of("3000.00")),
				new BudgetLine("Hall hire", Money.of("2000.00")));
	}

	@Test
	void theAmountIsWithinTheRoundsAwardsAndEachLineHasBothHalves() {
		Map<String, String> errors = refusals(
				() -> funding("5,000.01", "Coaches", "", "", "12.345").answers(SMALLEST, LARGEST));
		assertThat(errors).containsEntry("amount",
				"Enter an amount from £500.00 to £5,000.00, the smallest and largest grant of this round");
		assertThat(errors).containsEntry("amount-1", "Enter the amount of line 1");
		assertThat(errors).containsEntry("item-2", "Say what line 2 of the budget is for");
		assertThat(errors).containsKey("amount-2").doesNotContainKey("total");
		assertThat(refusals(() -> funding("1000").answers(SMALLEST, LARGEST))).containsEntry("item-1",
				"Enter at least one line of the budget: what it is for, and how much");
	}

	@Test
	void aCharityGivesItsCharityNumberAndACompanyItsCompanyNumber() {
		Map<String, String> errors = refusals(
				() -> new OrganisationForm("Westcotes Street Pastors", "CHARITY", "", "", "Leicester", 0L).answers());
		assertThat(errors).containsOnlyKeys("charityNumber");
		assertThat(refusals(() -> new OrganisationForm("Box Smart", "CIC", "", "12 345", "Leicester", 0L).answers()))
			.isEmpty();
		assertThat(refusals(() -> new OrganisationForm(" ", "", "12", "", "", 0L).answers())).containsOnlyKeys("name",
				"type", "charityNumber", "address");
		Answers.Organisation answers = new OrganisationForm("Living Without Abuse", "CHARITY", " 1111 827 ", "",
				"Loughborough", 0L)
			.answers();
		assertThat(answers.charityNumber()).isEqualTo("1111827");
		assertThat(answers.type()).isEqualTo(OrganisationType.CHARITY);
	}

	@Test
	void aProjectServesOneOfTheRoundsThemesAndEndsAfterItStarts() {
		Map<String, String> errors = refusals(() -> new ProjectForm("Street Sport", "Sessions", "99",
				new DateParts("1", "12", "2024"), new DateParts("30", "11", "2024"), 0L)
			.answers(List.of(1L, 2L)));
		assertThat(errors).containsOnlyKeys("themeId", "ends");
		assertThat(errors.get("ends"))
			.isEqualTo("The date the project ends must be the same as or after the date it starts");
	}

	@Test
	void aContactHasANameAndAnEmailAddressInTheRightShape() {
		assertThat(refusals(() -> new ContactForm("", "", "not an address", "call me", 0L).answers()))
			.containsOnlyKeys("name", "email", "phone");
		assertThat(new ContactForm(" Sam Smith ", "", "sam@example.org", "0116 496 0000", 0L).answers())
			.isEqualTo(new Answers.Contact("Sam Smith", null, "sam@example.org", "0116 496 0000"));
	}

	private static FundingForm funding(String amount, String... rows) {
		MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
		sent.add("amount", amount);
		for (int i = 0; i < rows.length; i += 2) {
			sent.add("item-" + (i / 2 + 1), rows[i]);
			sent.add("amount-" + (i / 2 + 1), rows[i + 1]);
		}
		sent.add("version", "0");
		return FundingForm.from(sent);
	}

	private static Map<String, String> refusals(Runnable check) {
		ValidationException refused = catchThrowableOfType(ValidationException.class, check::run);
		return (refused != null) ? refused.fieldErrors() : Map.of();
	}

}
