package uk.opcc.cspgrants.commissioning.spreadsheet;

import uk.opcc.cspgrants.shared.Money;

/**
 * One row of the schedule's table as printed: its label and the five columns after it. An
 * amount left blank is {@code null}, which is not the same as a printed 0.
 *
 * @param number the row's line in the file (the first line is 1)
 * @param label Organisation/Initiative
 * @param aprSep the Apr–Sep amount
 * @param octMar the Oct–Mar amount
 * @param total the Total column
 * @param comments Comments
 * @param theme Links to police and Crime Plan Theme
 */
public record SheetRow(int number, String label, Money aprSep, Money octMar, Money total, String comments,
		String theme) {

	/** Whether no amount at all is printed on the row (a heading). */
	public boolean noAmounts() {
		return this.aprSep == null && this.octMar == null && this.total == null;
	}

	/** The amount printed in a column, or {@code null}. */
	public Money amount(Column column) {
		return switch (column) {
			case APR_SEP -> this.aprSep;
			case OCT_MAR -> this.octMar;
			case TOTAL -> this.total;
		};
	}

	/** A column of amounts. */
	public enum Column {

		APR_SEP("Apr–Sep"), OCT_MAR("Oct–Mar"), TOTAL("Total");

		private final String label;

		Column(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
