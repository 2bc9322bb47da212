package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import uk.opcc.cspgrants.commissioning.PurchasingRoute;

/**
 * The schedule's table read into its parts, as a reader of the printed page would:
 * <ul>
 * <li>a row with no amount in any column is a heading. With no section open it opens one
 * ("Leicester city:"); inside a section it is a sub-heading: a route heading ("PCC
 * Grant:", "Co Commissioning with Community Safety Partnership …") or a recipient heading
 * ("Safer Leicester Partnership:"). A route heading clears the recipient heading.</li>
 * <li>a row whose label starts with "Total " is the printed subtotal of the open section
 * and closes it ("Total Police Force Funding" closes "Police Force:"); "TOTAL",
 * "Unallocated Funding" and "GRAND TOTAL" are the table's totals.</li>
 * <li>every other row is a line: in the open section, or standalone when none is open
 * (the seed's "Positive Youth Foundation" to "City BCU Contribution from the CSF").</li>
 * </ul>
 */
public final class ScheduleSheet {

	private final List<Section> sections;

	private final SheetRow total;

	private final SheetRow unallocated;

	private final SheetRow grandTotal;

	private ScheduleSheet(List<Section> sections, SheetRow total, SheetRow unallocated, SheetRow grandTotal) {
		this.sections = List.copyOf(sections);
		this.total = total;
		this.unallocated = unallocated;
		this.grandTotal = grandTotal;
	}

	public static ScheduleSheet of(List<SheetRow> rows) {
		List<Section> sections = new ArrayList<>();
		SectionBuilder open = null;
		SectionBuilder standalone = null;
		SheetRow total = null;
		SheetRow unallocated = null;
		SheetRow grandTotal = null;
		for (SheetRow row : rows) {
			String label = row.label().strip();
			String lower = label.toLowerCase(Locale.ROOT);
			if (lower.equals("total") || lower.equals("total:")) {
				total = row;
				open = close(open, sections);
			}
			else if (lower.startsWith("grand total")) {
				grandTotal = row;
				open = close(open, sections);
			}
			else if (lower.startsWith("unallocated")) {
				unallocated = row;
				open = close(open, sections);
			}
			else if (lower.startsWith("total ")) {
				if (open == null) {
					open = (standalone != null) ? standalone : new SectionBuilder(null, row.number());
					standalone = null;
				}
				open.subtotal = row;
				open = close(open, sections);
			}
			else if (row.noAmounts()) {
				if (standalone != null) {
					sections.add(standalone.build());
					standalone = null;
				}
				if (open == null) {
					open = new SectionBuilder(headingText(label), row.number());
				}
				else if (routeOf(label).isPresent()) {
					open.routeHeading = headingText(label);
					open.recipientHeading = null;
				}
				else {
					open.recipientHeading = headingText(label);
				}
			}
			else {
				SectionBuilder into = open;
				if (into == null) {
					if (standalone == null) {
						standalone = new SectionBuilder(null, row.number());
					}
					into = standalone;
				}
				into.lines.add(new Line(row, into.heading, into.routeHeading, into.recipientHeading));
			}
		}
		if (standalone != null) {
			sections.add(standalone.build());
		}
		close(open, sections);
		return new ScheduleSheet(sections, total, unallocated, grandTotal);
	}

	private static SectionBuilder close(SectionBuilder open, List<Section> sections) {
		if (open != null) {
			sections.add(open.build());
		}
		return null;
	}

	/** A heading's words without the colon that ends it. */
	static String headingText(String label) {
		String text = label.strip();
		return text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
	}

	/**
	 * The purchasing route a heading names, if it names one: "PCC Grant", "Co
	 * Commissioning with Community Safety Partnership(s)", "Innovation Fund", "BCU Fund",
	 * "Direct Commissioning", "Co-Commissioning … under a contract".
	 */
	public static Optional<PurchasingRoute> routeOf(String heading) {
		String text = heading.toLowerCase(Locale.ROOT).replace('-', ' ');
		if (text.startsWith("pcc grant")) {
			return Optional.of(PurchasingRoute.PCC_GRANT);
		}
		if (text.startsWith("co commissioning with community safety partnership")) {
			return Optional.of(PurchasingRoute.CSP_BUSINESS_CASE);
		}
		if (text.startsWith("co commissioning with existing commissioners") || text.contains("under a contract")) {
			return Optional.of(PurchasingRoute.CONTRACT);
		}
		if (text.startsWith("innovation fund")) {
			return Optional.of(PurchasingRoute.INNOVATION_FUND);
		}
		if (text.startsWith("bcu fund")) {
			return Optional.of(PurchasingRoute.BCU_FUND);
		}
		if (text.startsWith("direct commissioning")) {
			return Optional.of(PurchasingRoute.DIRECT);
		}
		return Optional.empty();
	}

	/**
	 * The sections in the table's order; standalone lines make a section with no heading.
	 */
	public List<Section> sections() {
		return this.sections;
	}

	/** Every line in the table's order. */
	public List<Line> lines() {
		return this.sections.stream().flatMap(section -> section.lines().stream()).toList();
	}

	/** The printed TOTAL row, if any. */
	public Optional<SheetRow> total() {
		return Optional.ofNullable(this.total);
	}

	/** The printed Unallocated Funding row, if any. */
	public Optional<SheetRow> unallocated() {
		return Optional.ofNullable(this.unallocated);
	}

	/** The printed GRAND TOTAL row, if any. */
	public Optional<SheetRow> grandTotal() {
		return Optional.ofNullable(this.grandTotal);
	}

	/**
	 * A section of the table.
	 *
	 * @param heading its heading without the colon, or {@code null} for standalone lines
	 * @param firstRow the row it starts on
	 * @param lines its lines
	 * @param subtotal its printed "Total …" row, if any
	 */
	public record Section(String heading, int firstRow, List<Line> lines, SheetRow subtotal) {

		public Section {
			lines = List.copyOf(lines);
		}

		/** What the page calls it. */
		public String name() {
			return (this.heading != null) ? this.heading : "Lines under no heading (from row " + this.firstRow + ")";
		}

	}

	/**
	 * A line of the table with the headings it sits under.
	 *
	 * @param row the row as printed
	 * @param section the section's heading, if any
	 * @param routeHeading the route sub-heading it sits under, if any
	 * @param recipientHeading the recipient sub-heading it sits under, if any
	 */
	public record Line(SheetRow row, String section, String routeHeading, String recipientHeading) {

		/** The headings joined, as the schedule keeps a line's section ("A / B / C"). */
		public String path() {
			List<String> parts = new ArrayList<>();
			for (String part : new String[] { this.section, this.routeHeading, this.recipientHeading }) {
				if (part != null) {
					parts.add(part);
				}
			}
			return parts.isEmpty() ? null : String.join(" / ", parts);
		}

	}

	private static final class SectionBuilder {

		private final String heading;

		private final int firstRow;

		private final List<Line> lines = new ArrayList<>();

		private String routeHeading;

		private String recipientHeading;

		private SheetRow subtotal;

		SectionBuilder(String heading, int firstRow) {
			this.heading = heading;
			this.firstRow = firstRow;
		}

		Section build() {
			return new Section(this.heading, this.firstRow, this.lines, this.subtotal);
		}

	}

}
