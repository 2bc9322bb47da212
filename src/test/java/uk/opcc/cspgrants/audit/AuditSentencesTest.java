package uk.opcc.cspgrants.audit;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each family of audit events as a sentence, from records as the audit trail stores them
 * (taken from the demo data and the workflow tests).
 */
class AuditSentencesTest {

	private static final Map<String, String> PEOPLE = Map.of("officer", "Olu Officer", "finance", "Fran Finance",
			"monitoring", "Mo Monitoring", "commissioner", "Chris Commissioner", "admin", "Ada Admin");

	private static final Map<String, String> CODES = Map.of("LEI", "Leicester", "MEL", "Melton", "RUT", "Rutland",
			"CHA", "Charnwood", "NWL", "North West Leicestershire", "HAR", "Harborough");

	private final AuditSentences sentences = new AuditSentences(new AuditNames() {

		@Override
		public String person(String username) {
			return PEOPLE.getOrDefault(username, username);
		}

		@Override
		public String partnership(String code) {
			return CODES.getOrDefault(code, code);
		}

		@Override
		public String partnershipById(String id) {
			return "1".equals(id) ? "Leicester" : "7".equals(id) ? "Melton" : id;
		}

		@Override
		public String user(String id) {
			return "6".equals(id) ? "Lee Leicester" : id;
		}

		@Override
		public Optional<String> grant(String id) {
			return "41".equals(id) ? Optional.of("Melton for 2022-23") : Optional.empty();
		}

	});

	private static final String SUBMITTED = """
			{"year": "2022-23", "reason": null, "status": "SUBMITTED", "quarter": "Q2", "activities": 1,
			"partnership": "MEL", "cumulativeSpend": 4000.50, "plannedAllocation": 9000.00}""";

	private static final String ACCEPTED = SUBMITTED.replace("SUBMITTED", "ACCEPTED");

	@Test
	void aQuarterlyReturnNamesTheQuarterYearAndPartnership() {
		AuditSentence accepted = this.sentences.describe("officer", "ACCEPT", "QuarterlyReturn", "14", SUBMITTED,
				ACCEPTED);
		assertThat(accepted.text()).isEqualTo("Olu Officer accepted the Q2 2022-23 return of Melton");
		assertThat(accepted.changes()).extracting(Object::toString).containsExactly("Status: Submitted → Accepted");

		AuditSentence saved = this.sentences.describe("officer", "UPDATE", "QuarterlyReturn", "10", """
				{"year": "2022-23", "reason": null, "status": "DRAFT", "quarter": "Q1", "activities": 0,
				"partnership": "HAR", "cumulativeSpend": 50.00, "plannedAllocation": 100.00}""", """
				{"year": "2022-23", "reason": null, "status": "DRAFT", "quarter": "Q1", "activities": 0,
				"partnership": "HAR", "cumulativeSpend": 60.00, "plannedAllocation": 200.00}""");
		assertThat(saved.text()).isEqualTo("Olu Officer saved the Q1 2022-23 return of Harborough");
		assertThat(saved.changes()).extracting(Object::toString)
			.containsExactly("Spend to date: £50.00 → £60.00", "Planned allocation: £100.00 → £200.00");

		assertThat(this.sentences
			.describe("officer", "RETURN_FOR_CORRECTION", "QuarterlyReturn", "14", SUBMITTED,
					SUBMITTED.replace("SUBMITTED", "RETURNED")
						.replace("\"reason\": null", "\"reason\": \"Spend too high\""))
			.changes()).extracting(Object::toString)
			.containsExactly("Reason: none → Spend too high", "Status: Submitted → Returned for correction");
	}

	@Test
	void aFormulaRunIsNamedByNumberAndYear() {
		String draft = """
				{"pot": 97905.00, "year": "2024-25", "status": "DRAFT", "amounts": {"LEI": 32960.61},
				"formula": "Population 20%, crime per 1,000 40%, crime harm 40%, 1-year window (version 1)",
				"purpose": "ALLOCATION", "approvedBy": null, "partnerships": "All active partnerships (9)"}""";
		String approved = draft.replace("DRAFT", "APPROVED")
			.replace("\"approvedBy\": null", "\"approvedBy\": \"finance\"");
		AuditSentence approval = this.sentences.describe("finance", "APPROVE", "FormulaRun", "3", draft, approved);
		assertThat(approval.text()).isEqualTo("Fran Finance approved formula run 3 for 2024-25");
		assertThat(approval.changes()).extracting(Object::toString)
			.containsExactly("Status: Draft → Approved", "Approved by: none → Fran Finance");
		assertThat(this.sentences.describe("officer", "CREATE", "FormulaRun", "3", null, draft).text())
			.isEqualTo("Olu Officer made formula run 3 for 2024-25");
		assertThat(this.sentences.describe("finance", "SUPERSEDE", "FormulaRun", "2", approved, approved).text())
			.isEqualTo(
					"Formula run 2 for 2024-25 was replaced when Fran Finance approved a later run for the same year");
	}

	@Test
	void aGrantIsTheGrantToAPartnershipForAYear() {
		AuditSentence line = this.sentences.describe("commissioner", "ADD_LINE", "Grant", "36", """
				{"paid": 0.00, "year": "2030-31", "lines": [], "allocation": 0.00, "partnership": "RUT",
				"carryForward": 0.00}""", """
				{"paid": 0.00, "year": "2030-31", "lines": ["FORMULA_RUN 72.40"], "allocation": 72.40,
				"partnership": "RUT", "carryForward": 0.00}""");
		assertThat(line.text()).isEqualTo(
				"Chris Commissioner added an allocation from an approved formula run to the grant to Rutland for 2030-31");
		assertThat(line.changes()).extracting(Object::toString)
			.containsExactly("Where the money comes from: none → Allocation from a formula run £72.40",
					"Allocation: £0.00 → £72.40");

		AuditSentence paid = this.sentences.describe("finance", "PAY", "Payment", "41 Q1", null, """
				{"amount": 250.01, "paidOn": "2022-08-01", "quarter": "Q1", "reference": "BACS 1234",
				"partnership": 7}""");
		assertThat(paid.text()).isEqualTo(
				"Fran Finance recorded the Q1 payment of the grant to Melton for 2022-23 as paid: £250.01 on 1 August 2022");
	}

	@Test
	void aDecisionRecordStepSaysWhatWasDecided() {
		String consulted = """
				{"title": "Redacted record", "status": "CONSULTED", "decision": null, "consulted": "Fran Finance",
				"reference": "EXE0005-26", "formulaRun": 6, "publication": null}""";
		String publication = consulted.replace("\"CONSULTED\"", "\"PUBLICATION_DECIDED\"")
			.replace("\"publication\": null", "\"publication\": \"PART_REDACTED\"");
		AuditSentence decided = this.sentences.describe("monitoring", "PUBLICATION", "DecisionRecord", "EXE0005-26",
				consulted, publication);
		assertThat(decided.text())
			.isEqualTo("Mo Monitoring decided whether to publish decision record EXE0005-26: Part redacted");
		assertThat(decided.changes()).extracting(Object::toString)
			.containsExactly("Status: Consulted → Publication decided", "Publish the record: none → Part redacted");
		assertThat(this.sentences
			.describe("commissioner", "DECIDE", "DecisionRecord", "EXE0005-26", publication,
					publication.replace("\"decision\": null", "\"decision\": \"SUPPORTED\""))
			.text()).isEqualTo("Chris Commissioner decided decision record EXE0005-26: Supported");
		assertThat(this.sentences.describe("officer", "CREATE", "DecisionRecord", "EXE0007-26", null, """
				{"title": "Still a draft", "status": "DRAFT", "reference": "EXE0007-26", "formulaRun": 8}""").text())
			.isEqualTo("Olu Officer drafted decision record EXE0007-26 “Still a draft”");
	}

	@Test
	void partnershipsGroupsAndUsersAreNamed() {
		AuditSentence group = this.sentences.describe("officer", "UPDATE", "PartnershipGroup", "3", """
				{"name": "North and east", "active": true, "members": ["CHA", "MEL"], "description": "Pages test"}""",
				"""
						{"name": "North and east districts", "active": true, "members": ["CHA", "NWL"], "description": null}""");
		assertThat(group.text()).isEqualTo("Olu Officer changed the partnership group “North and east districts”");
		assertThat(group.changes()).extracting(Object::toString)
			.containsExactly("Name: North and east → North and east districts",
					"Members: Charnwood, Melton → Charnwood, North West Leicestershire",
					"Description: Pages test → none");
		assertThat(this.sentences.describe("officer", "ARCHIVE", "Partnership", "9", """
				{"id": 9, "code": "RUT", "name": "Rutland", "active": true, "version": 0}""", """
				{"id": 9, "code": "RUT", "name": "Rutland", "active": false, "version": 1}""").changes())
			.extracting(Object::toString)
			.containsExactly("Status: Active → Archived");
		assertThat(this.sentences.describe("system", "CREATE", "User", "6", null, """
				{"id": 6, "roles": ["CSP_MANAGER"], "enabled": true, "version": 0, "username": "leicester.csp",
				"displayName": "Lee Leicester", "partnershipId": 1}""").text())
			.isEqualTo("CSP Grants added the user Lee Leicester");
		assertThat(this.sentences.describe("admin", "RESET_PASSWORD", "User", "6", null, null).text())
			.isEqualTo("Ada Admin set a new password for Lee Leicester");
	}

	@Test
	void indicatorsAreNamedWithTheirUnits() {
		AuditSentence correction = this.sentences.describe("officer", "CORRECT", "Indicator", "MEL 2020-21 population",
				null, """
						{"value": 51100, "reason": "ONS revised the estimate"}""");
		assertThat(correction.text()).isEqualTo("Olu Officer corrected population (people) of Melton for 2020-21");
		assertThat(correction.changes()).extracting(Object::toString)
			.containsExactly("Value: 51,100", "Reason: ONS revised the estimate");
		assertThat(this.sentences
			.describe("officer", "REPLACE", "CrimeMonth", "Leicestershire Police 2023-05", """
					{"records": 9835}""",
					"""
							{"file": "police-uk-leicestershire-crime-counts-2023-01-to-2024-12.csv", "sha256": "1b1b", "records": 9835,
							"recordsRead": 9835, "duplicatesDropped": 0}""")
			.text())
			.isEqualTo("Olu Officer loaded again the recorded crime of May 2023 reported by Leicestershire Police "
					+ "(9,835 records)");
		assertThat(this.sentences.describe("officer", "IMPORT", "Population", "RUT 2022-23", null, """
				{"value": 41151, "source": "ONS population estimates: ons-population-mid-2022-by-area.csv"}""").text())
			.isEqualTo("Olu Officer loaded the population of Rutland for 2022-23");
	}

	@Test
	void yearEndsRedistributionsAndFormulas() {
		assertThat(this.sentences.describe("finance", "CLOSE", "FinancialYear", "2024-25", null, """
				{"status": "CLOSED", "policy": "CARRY_FORWARD", "reason": null}""").text())
			.isEqualTo("Fran Finance closed the year 2024-25");
		String proposal = """
				{"sourceYear": "2023-24", "pot": 97905.00, "topSlices": ["Youth diversion 5000.00"],
				"remainder": 92905.00, "run": 3, "status": "DRAFT", "decision": null}""";
		AuditSentence approved = this.sentences.describe("finance", "APPROVE", "Redistribution", "1", proposal,
				proposal.replace("\"DRAFT\"", "\"APPROVED\"")
					.replace("\"decision\": null", "\"decision\": \"EXE0019-24\""));
		assertThat(approved.text())
			.isEqualTo("Fran Finance approved the proposal to redistribute the 2023-24 underspend");
		assertThat(approved.changes()).extracting(Object::toString)
			.containsExactly("Status: Draft → Approved", "Decision: none → EXE0019-24");
		assertThat(this.sentences.describe("officer", "CREATE", "FormulaVersion", "1", null, """
				{"id": 1, "name": "Population 20%, crime per 1,000 40%, crime harm 40%", "number": 1,
				"weights": {"crime_harm": 40, "population": 20, "crime_per_1000": 40}, "windowYears": 1}""").text())
			.isEqualTo(
					"Olu Officer saved the formula “Population 20%, crime per 1,000 40%, crime harm 40%” (version 1)");
	}

	@Test
	void anEventNoSentenceKnowsIsStillWords() {
		assertThat(this.sentences.describe("officer", "ARCHIVE_ALL", "SomethingNew", "5", null, null).text())
			.isEqualTo("Olu Officer archive all something new 5");
	}

	@Test
	void commissioningsRecordsSayWhatWasDoneToWhichThing() {
		assertThat(this.sentences
			.describe("officer", "CREATE", "Organisation", "12", null,
					"{\"name\": \"Catch22\", \"identifier\": \"GB-CHC-1124127\"}")
			.text()).isEqualTo("Olu Officer added the organisation “Catch22”");
		assertThat(this.sentences
			.describe("finance", "REDUCE", "FundingStream", "3",
					"{\"name\": \"PCC Community Safety Grant\", " + "\"amount\": 1649000.00}",
					"{\"name\": \"PCC Community Safety Grant\", \"amount\": 1600000.00}")
			.text()).isEqualTo("Fran Finance reduced the funding stream “PCC Community Safety Grant”");
		assertThat(this.sentences.describe("officer", "ATTACH", "AwardSchedule", "5", null, null).text())
			.isEqualTo("Olu Officer attached the award schedule 5 to a decision record");
		assertThat(this.sentences.describe("officer", "ADOPT_PLAN", "CommissioningYear", "2013-14", null, null).text())
			.isEqualTo("Olu Officer chose the Police and Crime Plan of 2013-14");
		assertThat(this.sentences.describe("finance", "PAY", "OrganisationGrantPayment", "77", null, null).text())
			.isEqualTo("Fran Finance recorded the payment of a grant to an organisation 77 as paid");
	}

	@Test
	void anApplicantsAccountIsMadeBySomeoneAskingAndUsedBySigningIn() {
		assertThat(this.sentences
			.describe("system", "CREATE", "ApplicantAccount", "31", null,
					"{\"email\": \"jo@example.org\", \"username\": \"applicant.31\"}")
			.text()).isEqualTo("CSP Grants made an applicant's account for jo@example.org");
		assertThat(this.sentences
			.describe("applicant.31", "SIGN_IN", "ApplicantAccount", "31", null,
					"{\"email\": \"jo@example.org\", \"addressVerified\": \"now, by this link\"}")
			.text()).isEqualTo("applicant.31 signed in with a link sent to jo@example.org");
	}

	@Test
	void aRoundsStepsAndAnApplicationsTasksAreSaidInWords() {
		assertThat(this.sentences
			.describe("officer", "EXTEND", "GrantRound", "4", "{\"title\": \"Small grants\"}",
					"{\"title\": \"Small grants\", \"reason\": \"More time\"}")
			.text()).isEqualTo("Olu Officer moved the closing time of the grant round “Small grants” later");
		assertThat(this.sentences.describe("system", "CLOSE", "GrantRound", "4", null, "{\"title\": \"Small grants\"}")
			.text()).isEqualTo("CSP Grants closed the grant round “Small grants”");
		assertThat(this.sentences
			.describe("applicant.31", "START", "Application", "12", null, "{\"round\": \"SCSG-DEMO\"}")
			.text()).isEqualTo("applicant.31 started application 12 to the grant round SCSG-DEMO");
		assertThat(this.sentences
			.describe("applicant.31", "SAVE_FUNDING", "Application", "12", "{\"task\": \"Funding and budget\"}",
					"{\"task\": \"Funding and budget\", \"completed\": \"2 of 5\"}")
			.text()).isEqualTo("applicant.31 saved “Funding and budget” of application 12");
		assertThat(this.sentences
			.describe("applicant.31", "SUBMIT", "Application", "12", "{\"status\": \"Draft\"}",
					"{\"reference\": \"SCSG-DEMO-001\", \"round\": \"SCSG-DEMO\"}")
			.text()).isEqualTo("applicant.31 submitted application 12 to the grant round SCSG-DEMO as SCSG-DEMO-001");
		assertThat(this.sentences
			.describe("applicant.31", "ATTACH", "Application", "12", null,
					"{\"document\": \"Safeguarding policy\", \"file\": \"policy.pdf\", \"size\": \"12 KB\"}")
			.text()).isEqualTo("applicant.31 uploaded “policy.pdf” (Safeguarding policy, 12 KB) to application 12");
		assertThat(this.sentences
			.describe("applicant.31", "REMOVE_DOCUMENT", "Application", "12",
					"{\"document\": \"Safeguarding policy\", \"file\": \"policy.pdf\"}", null)
			.text()).isEqualTo("applicant.31 removed “policy.pdf” (Safeguarding policy) from application 12");
		assertThat(this.sentences
			.describe("officer", "DECIDE_ELIGIBILITY", "Application", "12", "{\"status\": \"Submitted\"}",
					"{\"status\": \"Not eligible\", \"reference\": \"SCSG-DEMO-001\", \"reasons\": \"A company\"}")
			.text()).isEqualTo("Olu Officer found application SCSG-DEMO-001 not eligible");
		assertThat(this.sentences
			.describe("officer", "DUE_DILIGENCE", "Application", "12", null,
					"{\"reference\": \"SCSG-DEMO-001\", \"risk\": \"Medium\", \"concerns\": \"recorded\"}")
			.text()).isEqualTo(
					"Olu Officer recorded due diligence on application SCSG-DEMO-001: risk medium, concerns recorded");
	}

	@Test
	void moderationIsSaidInWords() {
		assertThat(this.sentences
			.describe("officer", "MODERATION_NOTE", "Application", "12", null,
					"{\"round\": \"SCSG-DEMO\", \"application\": \"SCSG-DEMO-001\", \"note\": \"Asked Bob\"}")
			.text()).isEqualTo("Olu Officer wrote a moderation note on application SCSG-DEMO-001: “Asked Bob”");
		assertThat(this.sentences
			.describe("officer", "RETURN_SCORES", "ReviewAssignment", "7", "{\"status\": \"Submitted\"}",
					"{\"round\": \"SCSG-DEMO\", \"application\": \"SCSG-DEMO-001\", \"reason\": \"A slip\"}")
			.text())
			.isEqualTo("Olu Officer returned the submitted scores (“A slip”) of application SCSG-DEMO-001 "
					+ "of the grant round SCSG-DEMO");
		assertThat(this.sentences
			.describe("officer", "ASSESS", "GrantRound", "3", "{\"title\": \"Small grants\"}",
					"{\"title\": \"Small grants\", \"status\": \"Assessed\"}")
			.text()).isEqualTo("Olu Officer marked the grant round “Small grants” assessed");
		assertThat(this.sentences
			.describe("officer", "RECOMMEND", "Application", "12", null,
					"{\"round\": \"SCSG-DEMO\", \"application\": \"SCSG-DEMO-001\", \"outcome\": \"Fund in part\", "
							+ "\"amount\": \"£2,000.00\"}")
			.text()).isEqualTo(
					"Olu Officer recorded the Review Panel's recommendation on application SCSG-DEMO-001: fund in part, "
							+ "£2,000.00");
		assertThat(this.sentences
			.describe("officer", "ADD_PANEL_MEMBER", "GrantRound", "3", null,
					"{\"title\": \"Small grants\", \"member\": \"Sam Chair\", \"organisation\": \"OPCC\"}")
			.text())
			.isEqualTo("Olu Officer put Sam Chair (OPCC) on the Review Panel of the grant round “Small grants”");
	}

	@Test
	void signInsAndTheSecondFactorAreSaidInWordsWithTheNetworkAddressBeneath() {
		AuditSentence signedIn = this.sentences.describe("leicester", "SIGN_IN", "User", "6", null,
				"{\"how\": \"a password\", \"networkAddress\": \"203.0.113.7\"}");
		assertThat(signedIn.text()).isEqualTo("Lee Leicester signed in");
		assertThat(signedIn.changes()).extracting(Object::toString)
			.containsExactly("Signed in with: a password", "Network address: 203.0.113.7");
		assertThat(this.sentences
			.describe("admin", "SIGN_IN", "User", "6", null,
					"{\"how\": \"a password\", \"breakGlass\": true, \"networkAddress\": \"10.0.0.9\"}")
			.text()).isEqualTo("Lee Leicester signed in with a break-glass account, local accounts being off");
		AuditSentence refused = this.sentences.describe("system", "SIGN_IN_REFUSED", "User", "6", null,
				"{\"reason\": \"a wrong code\", \"networkAddress\": \"198.51.100.2\"}");
		assertThat(refused.text()).isEqualTo("A sign-in as Lee Leicester was refused");
		assertThat(refused.changes()).extracting(Object::toString)
			.containsExactly("Reason: a wrong code", "Network address: 198.51.100.2");
		assertThat(this.sentences
			.describe("system", "LOCKED_OUT", "User", "6", null,
					"{\"failures\": 5, \"lockedForMinutes\": 15, \"networkAddress\": \"198.51.100.2\"}")
			.text()).isEqualTo("Signing in as Lee Leicester was locked after too many failed attempts");
		// written as USER before 4 December 2026: the same sentences
		assertThat(this.sentences.describe("system", "SECOND_FACTOR_SET_UP", "USER", "6", null, "{}").text())
			.isEqualTo("Lee Leicester set up a second factor");
		assertThat(this.sentences
			.describe("admin", "SECOND_FACTOR_REMOVED", "USER", "6", "{\"secondFactor\": \"set up\"}",
					"{\"secondFactor\": \"none\", \"by\": \"Ada Admin\"}")
			.text()).isEqualTo("Ada Admin reset the second factor of Lee Leicester");
		assertThat(
				this.sentences.describe("system", "RECOVERY_CODE_USED", "USER", "6", null, "{\"recoveryCodesLeft\": 9}")
					.text())
			.isEqualTo("Lee Leicester used a recovery code");
		assertThat(this.sentences
			.describe("leicester.csp", "END_SESSION", "USER", "6", null,
					"{\"session\": 41, \"device\": \"Safari on an iPhone\"}")
			.text()).isEqualTo("Lee Leicester signed out their session on Safari on an iPhone from another");
		assertThat(
				this.sentences.describe("leicester.csp", "END_OTHER_SESSIONS", "USER", "6", null, "{\"sessions\": 2}")
					.text())
			.isEqualTo("Lee Leicester signed out every other session of theirs (2)");
		assertThat(this.sentences
			.describe("leicester.csp", "RECOVERY_CODES_MADE", "USER", "6", null, "{\"recoveryCodes\": 10}")
			.text()).isEqualTo("Lee Leicester made new recovery codes");
	}

}
