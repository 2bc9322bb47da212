package uk.opcc.cspgrants.rounds.applying;

/**
 * A task of an application's task list, and how far it has gone.
 *
 * @param name the task
 * @param complete true once everything it asks for is given
 * @param started true once anything of it is given
 */
public record TaskState(TaskName name, boolean complete, boolean started) {

	/** A task that is either done or not started (a page saved as a whole). */
	static TaskState of(TaskName name, boolean complete) {
		return new TaskState(name, complete, complete);
	}

	/** Its status in the words of the GOV.UK task list. */
	public String status() {
		return this.complete ? "Completed" : this.started ? "In progress" : "Not yet started";
	}

}
