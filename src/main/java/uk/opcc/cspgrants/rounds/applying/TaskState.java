package uk.opcc.cspgrants.rounds.applying;

/**
 * A task of an application's task list, and whether it is complete.
 *
 * @param name the task
 * @param complete true once its page has been saved
 */
public record TaskState(TaskName name, boolean complete) {
}
