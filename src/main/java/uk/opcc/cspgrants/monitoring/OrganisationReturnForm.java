package uk.opcc.cspgrants.monitoring;

import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/** The form of a return for a grant to an organisation, as typed. */
class OrganisationReturnForm {

	private String spendToDate;

	private String outcomes;

	private String comments;

	private Long version;

	static OrganisationReturnForm from(OrganisationReturnView view) {
		OrganisationReturnForm form = new OrganisationReturnForm();
		form.spendToDate = view.started() ? view.spendToDate().amount().toPlainString() : "";
		form.outcomes = view.outcomes();
		form.comments = view.comments();
		form.version = view.started() ? view.version() : null;
		return form;
	}

	/** The details typed; an amount that is not money is refused on its field. */
	OrganisationReturnDetails toDetails() {
		Money spend = null;
		if (this.spendToDate != null && !this.spendToDate.isBlank()) {
			try {
				spend = Money.parse(this.spendToDate);
			}
			catch (InvalidMoneyException refused) {
				throw new ValidationException("spendToDate", refused.getMessage() + " for the spend to date");
			}
		}
		return new OrganisationReturnDetails(spend, this.outcomes, this.comments, this.version);
	}

	public String getSpendToDate() {
		return this.spendToDate;
	}

	public void setSpendToDate(String spendToDate) {
		this.spendToDate = spendToDate;
	}

	public String getOutcomes() {
		return this.outcomes;
	}

	public void setOutcomes(String outcomes) {
		this.outcomes = outcomes;
	}

	public String getComments() {
		return this.comments;
	}

	public void setComments(String comments) {
		this.comments = comments;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
