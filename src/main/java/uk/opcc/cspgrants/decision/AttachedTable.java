package uk.opcc.cspgrants.decision;

import java.util.List;

/**
 * A table attached to a decision record, laid out by the module that owns it: its
 * headings and rows, already in words and figures.
 *
 * @param caption the table's caption
 * @param headings its column headings
 * @param rows its rows, in order
 */
public record AttachedTable(String caption, List<Heading> headings, List<Row> rows) {

	public AttachedTable {
		headings = List.copyOf(headings);
		rows = List.copyOf(rows);
	}

	/**
	 * A column heading.
	 *
	 * @param text the heading
	 * @param numeric whether the column holds figures (aligned right)
	 */
	public record Heading(String text, boolean numeric) {
	}

	/**
	 * A row.
	 *
	 * @param cells its cells, one per heading
	 * @param kind a line, a section's heading, a subtotal or total, or a replaced line
	 * @param note for a replaced line, what replaces it ("replaced by the line below")
	 */
	public record Row(List<String> cells, Kind kind, String note) {

		public Row {
			cells = List.copyOf(cells);
		}

		public boolean replaced() {
			return this.kind == Kind.REPLACED;
		}

		public boolean total() {
			return this.kind == Kind.SUBTOTAL || this.kind == Kind.TOTAL;
		}

	}

	/** What a row is. */
	public enum Kind {

		/** a section's heading (a recipient), spanning the table */
		SECTION,
		/** an ordinary line */
		LINE,
		/** a line another replaces: struck through, not counted */
		REPLACED,
		/** a section's subtotal */
		SUBTOTAL,
		/** a total of the whole table */
		TOTAL

	}

}
