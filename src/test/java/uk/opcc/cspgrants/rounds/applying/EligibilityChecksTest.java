package uk.opcc.cspgrants.rounds.applying;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.rounds.applying.EligibilityCheck.Outcome.FAILED;
import static uk.opcc.cspgrants.rounds.applying.EligibilityCheck.Outcome.PASSED;
import static uk.opcc.cspgrants.rounds.applying.EligibilityCheck.Outcome.TO_CHECK;

/**
 * The five checks an officer is shown before deciding eligibility, worked by hand for a
 * round of 2026-27 awarding £500 to £5,000.
 */
class EligibilityChecksTest {

	private static final RoundView ROUND = new RoundView(1, "SG-2026", "Small grants", FinancialYear.parse("2026-27"),
			null, 1, "PCC Grant", Money.of("100000"), Money.of("500"), Money.of("5000"), null, null, null, null, 2,
			null, false, null, 0, null, null, null, null, List.of(), List.of(), List.of(), null);

	private static final List<DocumentKind> ALL_SENT = List.of();

	@Test
	void aCharityAskingForTheTopAwardWithEverythingSentWithinTheYearPassesEveryCheck() {
		ApplicationView charity = application(7, "Safer Streets Trust", OrganisationType.CHARITY, "1123456", null,
				"5000.00", LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), ALL_SENT);
		List<EligibilityCheck> checks = EligibilityChecks.of(ROUND, charity, List.of(ApplyingOrganisation.of(charity)));
		assertThat(checks).extracting(EligibilityCheck::outcome)
			.containsExactly(PASSED, PASSED, PASSED, PASSED, PASSED);
		assertThat(checks.get(0).question())
			.isEqualTo("Asks for an amount within the round's awards (£500.00 to " + "£5,000.00)");
		assertThat(checks.get(0).found()).isEqualTo("Asks for £5,000.00");
		assertThat(checks.get(1).found())
			.isEqualTo("Charity number 1123456: check it on the Charity Commission's register");
		assertThat(checks.get(2).found()).isEqualTo("0 files sent");
		assertThat(checks.get(3).found()).isEqualTo("Runs 1 April 2026 to 31 March 2027");
		assertThat(checks.get(4).found()).isEqualTo("No other application from it");
	}

	@Test
	void aPennyOverTheTopAwardNoRegisterNumberMissingDocumentsAndAStartBeforeTheYearAreShown() {
		ApplicationView company = application(8, "Ward Youth Ltd", OrganisationType.COMPANY, null, null, "5000.01",
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
				List.of(DocumentKind.GOVERNING_DOCUMENT, DocumentKind.ACCOUNTS));
		List<EligibilityCheck> checks = EligibilityChecks.of(ROUND, company, List.of());
		assertThat(checks).extracting(EligibilityCheck::outcome)
			.containsExactly(FAILED, FAILED, FAILED, TO_CHECK, PASSED);
		assertThat(checks.get(0).found()).isEqualTo("Asks for £5,000.01");
		assertThat(checks.get(1).found()).isEqualTo("No company number given");
		assertThat(checks.get(2).found()).isEqualTo("Missing: Governing document, Latest annual accounts");
		assertThat(checks.get(3).found())
			.isEqualTo("Runs 1 March 2026 to 31 December 2026: the round pays only for what is done in its year");
	}

	@Test
	void aCommunityGroupIsCheckedByHandAndTheBottomAwardPasses() {
		ApplicationView group = application(9, "Friends of Elm Park", OrganisationType.OTHER, null, null, "500.00",
				LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 30), ALL_SENT);
		List<EligibilityCheck> checks = EligibilityChecks.of(ROUND, group, List.of());
		assertThat(checks.get(0).outcome()).isEqualTo(PASSED);
		assertThat(checks.get(1).outcome()).isEqualTo(TO_CHECK);
		assertThat(checks.get(1).found())
			.isEqualTo("Other, not on a register the service checks: check its governing document");
		ApplicationView under = application(10, "Friends of Elm Park", OrganisationType.OTHER, null, null, "499.99",
				LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 30), ALL_SENT);
		assertThat(EligibilityChecks.of(ROUND, under, List.of()).get(0).outcome()).isEqualTo(FAILED);
	}

	@Test
	void anotherApplicationFromTheSameCharityNumberCompanyNumberOrNameIsNamedAndNoOtherIs() {
		ApplicationView charity = application(1, "Safer Streets Trust", OrganisationType.CHARITY, "1123456", "01234567",
				"1000.00", LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), ALL_SENT);
		List<ApplyingOrganisation> round = List.of(ApplyingOrganisation.of(charity),
				new ApplyingOrganisation(2, "SG-2026-002", "Another name", "1123456", null, null),
				new ApplyingOrganisation(3, "SG-2026-003", "Trading arm", null, "01234567", null),
				new ApplyingOrganisation(4, "SG-2026-004", "  safer STREETS trust ", null, null, null),
				new ApplyingOrganisation(5, "SG-2026-005", "Safer Streets Trust North", "1999999", "09999999", null));
		EligibilityCheck one = EligibilityChecks.of(ROUND, charity, round).get(4);
		assertThat(one.outcome()).isEqualTo(TO_CHECK);
		assertThat(one.found()).isEqualTo("The same organisation also sent SG-2026-002, SG-2026-003, SG-2026-004");
	}

	@Test
	void noCharityNumberIsNotTheSameAsAnotherWithNone() {
		ApplyingOrganisation first = new ApplyingOrganisation(1, "A-1", "First group", null, null, null);
		ApplyingOrganisation second = new ApplyingOrganisation(2, "A-2", "Second group", null, null, null);
		assertThat(first.sameAs(second)).isFalse();
	}

	@Test
	void aBusinessCaseIsCheckedForItsPartnershipAndNamesThePartnershipsOtherCasesWithoutDoubt() {
		ApplicationView overall = new ApplicationView(1, 1, ApplicationStatus.SUBMITTED, "Leicester City Council",
				OrganisationType.LOCAL_AUTHORITY, null, null, "City Hall", 7L, "Leicester", "Lee Leicester",
				"CSP manager", "lee@example.org", null, "Overall Crime", "Summary", 1L, LocalDate.of(2026, 10, 1),
				LocalDate.of(2027, 3, 31), Money.of("1000.00"), List.of(), "Outcomes", List.of(), List.of(),
				"SG-2026-001", null, null, null, null, 0, null, null, List.of());
		List<ApplyingOrganisation> round = List.of(ApplyingOrganisation.of(overall),
				new ApplyingOrganisation(2, "SG-2026-002", "Leicester City Council", null, null, 7L),
				new ApplyingOrganisation(3, "SG-2026-003", "Rutland County Council", null, null, 8L),
				new ApplyingOrganisation(4, "SG-2026-004", "Leicester City Council", null, null, null));
		List<EligibilityCheck> checks = EligibilityChecks.of(ROUND, overall, round);
		assertThat(checks.get(1).question()).isEqualTo("Comes from a Community Safety Partnership of the force area");
		assertThat(checks.get(1).outcome()).isEqualTo(TO_CHECK);
		assertThat(checks.get(1).found()).isEqualTo(
				"Leicester, paid through its lead authority, Leicester City Council: check that the contact works for the partnership");
		assertThat(checks.get(4).outcome()).isEqualTo(PASSED);
		assertThat(checks.get(4).found()).isEqualTo("The partnership also sent SG-2026-002: read them together");
		ApplicationView rutland = new ApplicationView(3, 1, ApplicationStatus.SUBMITTED, "Rutland County Council",
				OrganisationType.LOCAL_AUTHORITY, null, null, "Oakham", 8L, "Rutland", "Ru", null, "ru@example.org",
				null, "CSE", "Summary", 1L, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 31), Money.of("1000.00"),
				List.of(), "Outcomes", List.of(), List.of(), "SG-2026-003", null, null, null, null, 0, null, null,
				List.of());
		assertThat(EligibilityChecks.of(ROUND, rutland, round).get(4).found())
			.isEqualTo("None: it is the partnership's only business case");
	}

	private static ApplicationView application(long id, String name, OrganisationType type, String charity,
			String company, String amount, LocalDate starts, LocalDate ends, List<DocumentKind> missing) {
		return new ApplicationView(id, 1, ApplicationStatus.SUBMITTED, name, type, charity, company, "1 High Street",
				null, null, "Sam Contact", "Chair", "sam@example.org", "01632 960000", "Project", "Summary", 1L, starts,
				ends, Money.of(amount), List.of(), "Outcomes", List.of(), missing, "SG-2026-" + id, null, null, null,
				null, 0, null, null, List.of());
	}

}
