package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleSheet.Line;
import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleSheet.Section;
import uk.opcc.cspgrants.commissioning.spreadsheet.SheetRow.Column;
import uk.opcc.cspgrants.shared.Money;

/**
 * Adds up the printed table as a finance officer checking it would, from the printed
 * figures only (a blank cell adds nothing):
 * <ol>
 * <li>across: each line's Apr–Sep plus Oct–Mar against its printed Total, and each
 * section's subtotal row and the TOTAL row likewise;</li>
 * <li>down: each section's "Total …" row, column by column, against the sum of the
 * section's lines in that column;</li>
 * <li>TOTAL, column by column, against the printed subtotals of the sections plus the
 * lines of sections without one (the standalone lines);</li>
 * <li>GRAND TOTAL, column by column, against TOTAL plus Unallocated Funding. Unallocated
 * funding belongs to no half-year, so neither row is added across, and a GRAND TOTAL
 * column left blank is not checked.</li>
 * </ol>
 * A printed figure the sum supports is listed as reproduced; every other is listed as a
 * discrepancy with the row, the column, the printed figure, the sum and the difference
 * (printed minus sum), and a reason where the table shows one (an amount written in a
 * line's comment, amounts printed only in the Total column).
 */
public final class ScheduleReconciliation {

	private static final Pattern COMMENT_AMOUNT = Pattern.compile(
			"^£?(\\d{1,3}(?:,\\d{3})*|\\d+)(?:\\.\\d{2})?\\s+(Replaces above|Replaced by below)",
			Pattern.CASE_INSENSITIVE);

	private final List<Figure> reproduced = new ArrayList<>();

	private final List<Discrepancy> discrepancies = new ArrayList<>();

	private ScheduleReconciliation() {
	}

	public static ScheduleReconciliation of(ScheduleSheet sheet) {
		ScheduleReconciliation result = new ScheduleReconciliation();
		result.check(sheet);
		result.discrepancies.sort(
				Comparator.comparingInt(Discrepancy::row).thenComparing(discrepancy -> discrepancy.column().ordinal()));
		result.reproduced.sort(Comparator.comparingInt(Figure::row).thenComparing(figure -> figure.column().ordinal()));
		return result;
	}

	/** The printed subtotals and totals the lines support, in the table's order. */
	public List<Figure> reproduced() {
		return List.copyOf(this.reproduced);
	}

	/** Every place the printed table does not add up, in the table's order. */
	public List<Discrepancy> discrepancies() {
		return List.copyOf(this.discrepancies);
	}

	private void check(ScheduleSheet sheet) {
		for (Section section : sheet.sections()) {
			for (Line line : section.lines()) {
				across(line.row());
			}
			if (section.subtotal() != null) {
				across(section.subtotal());
				down(section);
			}
		}
		sheet.total().ifPresent(total -> {
			across(total);
			for (Column column : Column.values()) {
				Money sum = Money.ZERO;
				for (Section section : sheet.sections()) {
					sum = sum.plus((section.subtotal() != null) ? zeroIfBlank(section.subtotal().amount(column))
							: linesSum(section, column));
				}
				compare(total, column, sum, "the printed subtotals and the lines under no subtotal");
			}
		});
		sheet.grandTotal().ifPresent(grand -> {
			for (Column column : Column.values()) {
				Money sum = sheet.total().map(total -> zeroIfBlank(total.amount(column))).orElse(Money.ZERO);
				if (column == Column.TOTAL) {
					sum = sum.plus(sheet.unallocated().map(row -> zeroIfBlank(row.total())).orElse(Money.ZERO));
				}
				else {
					sum = sum.plus(sheet.unallocated().map(row -> zeroIfBlank(row.amount(column))).orElse(Money.ZERO));
				}
				compare(grand, column, sum, "TOTAL plus Unallocated Funding");
			}
		});
	}

	private void across(SheetRow row) {
		if (row.total() == null && row.aprSep() == null && row.octMar() == null) {
			return;
		}
		Money halves = zeroIfBlank(row.aprSep()).plus(zeroIfBlank(row.octMar()));
		Money printed = row.total();
		if (printed == null) {
			this.discrepancies.add(new Discrepancy(row.number(), row.label(), Column.TOTAL, null, halves,
					halves.negate(), "no Total is printed for Apr–Sep plus Oct–Mar"));
			return;
		}
		if (!printed.equals(halves)) {
			String reason = (row.aprSep() == null && row.octMar() == null)
					? "the amount is printed only in the Total column" : "Apr–Sep plus Oct–Mar";
			this.discrepancies.add(new Discrepancy(row.number(), row.label(), Column.TOTAL, printed, halves,
					printed.minus(halves), reason));
		}
	}

	private void down(Section section) {
		for (Column column : Column.values()) {
			Money sum = linesSum(section, column);
			SheetRow subtotal = section.subtotal();
			Money printed = subtotal.amount(column);
			if (printed == null) {
				continue;
			}
			if (printed.equals(sum)) {
				this.reproduced.add(new Figure(subtotal.number(), subtotal.label(), column, printed));
			}
			else {
				this.discrepancies.add(new Discrepancy(subtotal.number(), subtotal.label(), column, printed, sum,
						printed.minus(sum), reason(section, column, printed.minus(sum))));
			}
		}
	}

	/** What the table itself shows the difference to be, if anything. */
	private static String reason(Section section, Column column, Money difference) {
		List<String> reasons = new ArrayList<>();
		reasons.add("the sum of the section's lines");
		Money inComments = Money.ZERO;
		List<Integer> commentRows = new ArrayList<>();
		for (Line line : section.lines()) {
			Money amount = replacesAboveAmount(line.row().comments());
			if (amount != null) {
				inComments = inComments.plus(amount);
				commentRows.add(line.row().number());
			}
		}
		if (!commentRows.isEmpty() && column != Column.APR_SEP && difference.equals(inComments)) {
			reasons.add("the difference is the amount written in the comment (\"… Replaces above\") of row "
					+ commentRows.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
					+ ", printed in no amount column");
		}
		if (column == Column.OCT_MAR) {
			Money totalOnly = Money.ZERO;
			int count = 0;
			for (Line line : section.lines()) {
				if (line.row().aprSep() == null && line.row().octMar() == null && line.row().total() != null) {
					totalOnly = totalOnly.plus(line.row().total());
					count++;
				}
			}
			if (count > 0 && difference.equals(totalOnly)) {
				reasons.add("the difference is the " + count + ((count == 1) ? " line" : " lines")
						+ " whose amount is printed only in the Total column");
			}
		}
		return String.join("; ", reasons);
	}

	/** The amount a "52,880 Replaces above" comment carries, if it carries one. */
	static Money replacesAboveAmount(String comments) {
		Matcher amount = COMMENT_AMOUNT.matcher((comments != null) ? comments.strip() : "");
		if (amount.find() && amount.group(2).equalsIgnoreCase("Replaces above")) {
			return Money.parse(amount.group(1));
		}
		return null;
	}

	private void compare(SheetRow row, Column column, Money sum, String what) {
		Money printed = row.amount(column);
		if (printed == null) {
			return;
		}
		if (printed.equals(sum)) {
			this.reproduced.add(new Figure(row.number(), row.label(), column, printed));
		}
		else {
			this.discrepancies
				.add(new Discrepancy(row.number(), row.label(), column, printed, sum, printed.minus(sum), what));
		}
	}

	private static Money linesSum(Section section, Column column) {
		return section.lines()
			.stream()
			.map(line -> zeroIfBlank(line.row().amount(column)))
			.reduce(Money.ZERO, Money::plus);
	}

	private static Money zeroIfBlank(Money amount) {
		return Objects.requireNonNullElse(amount, Money.ZERO);
	}

	/**
	 * A printed subtotal or total the lines support.
	 *
	 * @param row its row
	 * @param label the row's label
	 * @param column the column
	 * @param amount the figure
	 */
	public record Figure(int row, String label, Column column, Money amount) {
	}

	/**
	 * A place where the printed table does not add up.
	 *
	 * @param row the row
	 * @param label the row's label
	 * @param column the column
	 * @param printed the printed figure ({@code null} when none is printed)
	 * @param sum what the figures it should add up from come to
	 * @param difference printed minus sum
	 * @param summed what was added up, and why they differ where the table shows it
	 */
	public record Discrepancy(int row, String label, Column column, Money printed, Money sum, Money difference,
			String summed) {
	}

}
