package uk.opcc.cspgrants.audit;

import java.util.List;

/**
 * One event of the audit trail as people say it: a sentence that names who did what to
 * which thing ("Olu Officer accepted the Q2 2024-25 return of Leicester"), and the
 * changes it made, field by field, in words.
 *
 * @param text the sentence
 * @param changes what changed, in the order the record holds its fields
 */
public record AuditSentence(String text, List<Change> changes) {

	public AuditSentence {
		changes = List.copyOf(changes);
	}

	/** "Cumulative spend: £1,400.00 → £2,500.00"; before is empty for a new value. */
	public record Change(String field, String before, String after) {

		@Override
		public String toString() {
			return this.field + ": " + (this.before.isEmpty() ? "" : this.before + " → ") + this.after;
		}

	}

}
