package uk.opcc.cspgrants.rounds.applying;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.Money;

/**
 * An application as saved, for its applicant's pages: its answers (each {@code null}
 * until its task is saved), its version to send with a change, and its tasks.
 */
public record ApplicationView(long id, long roundId, ApplicationStatus status, String organisationName,
		OrganisationType organisationType, String charityNumber, String companyNumber, String organisationAddress,
		Long partnershipId, String partnershipName, String contactName, String contactRole, String contactEmail,
		String contactPhone, String projectTitle, String projectSummary, Long themeId, LocalDate startsOn,
		LocalDate endsOn, Money amountRequested, List<BudgetLine> budgetLines, String outcomes,
		List<DocumentView> documents, List<DocumentKind> missingDocuments, String reference, Instant submittedAt,
		String eligibilityReasons, String eligibilityDecidedBy, Instant eligibilityDecidedAt, long version,
		Instant createdAt, Instant updatedAt, List<TaskState> tasks) {

	/**
	 * True when it is a CSP's business case: it names its partnership, or its first task
	 * is to choose one (rather than give an organisation).
	 */
	public boolean businessCase() {
		return this.partnershipId != null || this.tasks.stream().anyMatch(task -> task.name() == TaskName.PARTNERSHIP);
	}

	/** How many tasks are complete. */
	public long completed() {
		return this.tasks.stream().filter(TaskState::complete).count();
	}

	/** True when every section has been saved. */
	public boolean complete() {
		return this.tasks.stream().allMatch(TaskState::complete);
	}

	/**
	 * True when an officer may decide, or change, whether it is eligible: it is submitted
	 * and its round's applications are not yet being assessed.
	 */
	public boolean mayBeFoundEligible(RoundView round) {
		return (this.status == ApplicationStatus.SUBMITTED || this.status == ApplicationStatus.ELIGIBLE
				|| this.status == ApplicationStatus.INELIGIBLE)
				&& (round.status() == RoundStatus.OPEN || round.status() == RoundStatus.CLOSED);
	}

	/**
	 * The application as a reviewer of a blind round reads it: who applied withheld (the
	 * organisation's name, numbers and address, the contact) and the documents that name
	 * it (governing document, accounts); the project, funding, outcomes and other
	 * documents as they are.
	 */
	public ApplicationView withheldForBlindReview() {
		return new ApplicationView(this.id, this.roundId, this.status, null, null, null, null, null, null, null, null,
				null, null, null, this.projectTitle, this.projectSummary, this.themeId, this.startsOn, this.endsOn,
				this.amountRequested, this.budgetLines, this.outcomes,
				this.documents.stream()
					.filter(document -> document.kind() != DocumentKind.GOVERNING_DOCUMENT
							&& document.kind() != DocumentKind.ACCOUNTS)
					.toList(),
				List.of(), this.reference, this.submittedAt, null, null, null, this.version, this.createdAt,
				this.updatedAt, this.tasks);
	}

	/**
	 * The application as a reviewer reads it in the reviewers' API, as on their page:
	 * without the officers' eligibility decision and reasons, or the applicant's task
	 * list.
	 */
	public ApplicationView forReviewer() {
		return new ApplicationView(this.id, this.roundId, this.status, this.organisationName, this.organisationType,
				this.charityNumber, this.companyNumber, this.organisationAddress, this.partnershipId,
				this.partnershipName, this.contactName, this.contactRole, this.contactEmail, this.contactPhone,
				this.projectTitle, this.projectSummary, this.themeId, this.startsOn, this.endsOn, this.amountRequested,
				this.budgetLines, this.outcomes, this.documents, List.of(), this.reference, this.submittedAt, null,
				null, null, this.version, this.createdAt, this.updatedAt, List.of());
	}

	/** What the applicant calls it in a list: the project's title once given. */
	public String name() {
		return (this.projectTitle != null) ? this.projectTitle : "Application started on the service";
	}

}
