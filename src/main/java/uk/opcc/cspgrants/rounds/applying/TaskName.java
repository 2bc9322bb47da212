package uk.opcc.cspgrants.rounds.applying;

/** The tasks of an application, in the order of its task list, with their pages. */
public enum TaskName {

	ORGANISATION("Your organisation", "organisation"), PARTNERSHIP("Your partnership", "partnership"),
	CONTACT("Contact details", "contact"), PROJECT("Your project", "project"), FUNDING("Funding and budget", "funding"),
	OUTCOMES("Outcomes", "outcomes"), DOCUMENTS("Supporting documents", "documents");

	private final String title;

	private final String path;

	TaskName(String title, String path) {
		this.title = title;
		this.path = path;
	}

	public String title() {
		return this.title;
	}

	/**
	 * The last part of the task's page: {@code /apply/applications/{id}/organisation}.
	 */
	public String path() {
		return this.path;
	}

}
