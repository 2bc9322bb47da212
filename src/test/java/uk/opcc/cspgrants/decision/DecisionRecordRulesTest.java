package uk.opcc.cspgrants.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a decision record and its sign-offs, without Spring or a database. */
class DecisionRecordRulesTest {

	private static final LocalDate TODAY = LocalDate.of(2024, 7, 11);

	private static final Instant NOW = Instant.parse("2024-07-11T10:00:00Z");

	private final DecisionRecord record = new DecisionRecord("EXE0019-24", 2024, 19, draft(LocalDate.of(2024, 7, 9)),
			null, "officer", NOW, TODAY);

	@Test
	void fourDifferentPeopleSignInOrder() {
		assertThatThrownBy(() -> this.record.decidePublication(Publication.YES, Publication.YES, Publication.YES, null,
				Set.of(), TODAY, user("monitoring", Role.MONITORING_OFFICER), TODAY))
			.isInstanceOf(ConflictException.class)
			.hasMessage("EXE0019-24 is draft: awaiting the chief finance officer: this sign-off is not its next step");
		assertThatThrownBy(() -> this.record.consult("Olu", TODAY, user("OFFICER", Role.FINANCE), TODAY))
			.isInstanceOf(ConflictException.class)
			.hasMessage("You have already signed this record; each sign-off must be by a different person");
		this.record.consult("Fran Finance", TODAY, user("finance", Role.FINANCE), TODAY);
		this.record.decidePublication(Publication.YES, Publication.YES, Publication.YES, null, Set.of(), TODAY,
				user("monitoring", Role.MONITORING_OFFICER), TODAY);
		assertThatThrownBy(
				() -> this.record.decide(Outcome.SUPPORTED, TODAY, null, user("Finance", Role.COMMISSIONER), TODAY))
			.isInstanceOf(ConflictException.class);
		this.record.decide(Outcome.NOT_SUPPORTED, TODAY, "Not this year", user("commissioner", Role.COMMISSIONER),
				TODAY);
		assertThat(this.record.status()).isEqualTo(DecisionStatus.DECIDED);
		assertThat(this.record.outcome()).isEqualTo(Outcome.NOT_SUPPORTED);
		assertThat(this.record.signers()).containsExactly("officer", "finance", "monitoring", "commissioner");
		assertThatThrownBy(() -> this.record.sendBack("Too late")).isInstanceOf(ConflictException.class);
	}

	@Test
	void datesAreOnesAPublicBodyCouldHaveWritten() {
		assertThatThrownBy(
				() -> new DecisionRecord("EXE0001-00", 0, 1, draft(LocalDate.of(0, 1, 1)), null, "officer", NOW, TODAY))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The date of the record must be between 1 January 2000 and a year from today (11 July 2025)");
		assertThatThrownBy(() -> new DecisionRecord("EXE0001-99", 9999, 1, draft(LocalDate.of(9999, 12, 31)), null,
				"officer", NOW, TODAY))
			.isInstanceOf(ValidationException.class);
		assertThatThrownBy(() -> this.record.consult("Fran", TODAY.plusDays(1), user("finance", Role.FINANCE), TODAY))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The date of the sign-off cannot be in the future");
		assertThatThrownBy(
				() -> this.record.consult("Fran", LocalDate.of(2023, 7, 8), user("finance", Role.FINANCE), TODAY))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The date of the sign-off cannot be more than a year before the record's date (9 July 2024)");
	}

	@Test
	void aSectionLongerThanTwentyThousandCharactersIsRefused() {
		DecisionDraft huge = new DecisionDraft("Title", TODAY, null, "s".repeat(20_001), "Recommendations", null, null,
				null, null, null);
		assertThatThrownBy(() -> this.record.change(huge, TODAY)).isInstanceOfSatisfying(ValidationException.class,
				refused -> assertThat(refused.fieldErrors()).containsEntry("summary",
						"This section must be 20,000 characters or fewer; it has 20,001"));
	}

	@Test
	void withholdingAnythingNeedsReasonsCitingLegislationAndPartRedactionNeedsSections() {
		this.record.consult("Fran Finance", TODAY, user("finance", Role.FINANCE), TODAY);
		assertThatThrownBy(() -> this.record.decidePublication(Publication.PART_REDACTED, Publication.YES,
				Publication.YES, "Because", Set.of(), TODAY, user("monitoring", Role.MONITORING_OFFICER), TODAY))
			.isInstanceOfSatisfying(ValidationException.class,
					refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("reasons", "redacted"));
	}

	private static DecisionDraft draft(LocalDate date) {
		return new DecisionDraft("Community Safety Partnership 2023-24 Underspend", date, "Olu Officer", "Summary",
				"Recommendations", null, null, null, null, null);
	}

	private static CurrentUser user(String username, Role role) {
		return new CurrentUser(1, username, username, "", true, Set.of(role), null);
	}

}
