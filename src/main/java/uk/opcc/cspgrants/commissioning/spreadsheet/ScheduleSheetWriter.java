package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.opcc.cspgrants.commissioning.AwardLineView;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * Writes a year's schedule in the layout of EXE 0025/13's attached table, as CSV or as an
 * Excel workbook: a title row; the heading row; the lines in their order, under heading
 * rows for their sections ("Leicester city:") with a "Total …" row closing each section;
 * TOTAL; Unallocated Funding (the year's streams less TOTAL, in the Total column: it
 * belongs to no half-year); GRAND TOTAL. A line's label is its initiative when the import
 * would read its recipient back from the headings, otherwise "Recipient - Initiative", so
 * that importing the export gives the same lines. Replaced lines are left out: the export
 * is the schedule as it counts. A period is written in the half-year it starts in.
 */
public final class ScheduleSheetWriter {

	private ScheduleSheetWriter() {
	}

	/** The rows to write: each a label, three amounts (or null) and two texts. */
	static List<Object[]> rows(ScheduleView schedule, Money streamsTotal) {
		FinancialYear year = schedule.year();
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { schedule.title() });
		rows.add(headings(year));
		String[] openPath = new String[0];
		String openSection = null;
		Money[] sectionSums = zeros();
		Money[] totals = zeros();
		List<String> headingsSoFar = new ArrayList<>();
		for (AwardLineView line : schedule.lines()) {
			if (!line.counted()) {
				continue;
			}
			String[] path = (line.section() == null || line.section().isBlank()) ? new String[0]
					: line.section().split(" / ");
			String top = (path.length > 0) ? path[0] : null;
			if (!Objects.equals(top, openSection)) {
				if (openSection != null) {
					rows.add(amounts("Total " + openSection, sectionSums, null));
					headingsSoFar.add(openSection);
				}
				openSection = top;
				sectionSums = zeros();
				openPath = new String[0];
			}
			for (int level = 0; level < path.length; level++) {
				if (level >= openPath.length || !openPath[level].equals(path[level])) {
					for (int next = level; next < path.length; next++) {
						rows.add(new Object[] { path[next] + ":", null, null, null, null, null });
					}
					break;
				}
			}
			openPath = path;
			Money aprSep = Money.ZERO;
			Money octMar = Money.ZERO;
			for (AwardLineView.Period period : line.periods()) {
				if (year.inFirstHalf(period.startsOn())) {
					aprSep = aprSep.plus(period.amount());
				}
				else {
					octMar = octMar.plus(period.amount());
				}
			}
			Money[] amounts = { aprSep, octMar, aprSep.plus(octMar) };
			for (int i = 0; i < 3; i++) {
				sectionSums[i] = sectionSums[i].plus(amounts[i]);
				totals[i] = totals[i].plus(amounts[i]);
			}
			rows.add(new Object[] { label(line, path, headingsSoFar), aprSep.isZero() ? null : aprSep,
					octMar.isZero() ? null : octMar, amounts[2], line.comments(), line.themeName() });
		}
		if (openSection != null) {
			rows.add(amounts("Total " + openSection, sectionSums, null));
		}
		rows.add(amounts("TOTAL", totals, null));
		if (streamsTotal != null) {
			Money unallocated = streamsTotal.minus(totals[2]);
			rows.add(new Object[] { "Unallocated Funding", null, null, unallocated, null, null });
			rows.add(new Object[] { "GRAND TOTAL", totals[0], totals[1], totals[2].plus(unallocated), null, null });
		}
		return rows;
	}

	private static String label(AwardLineView line, String[] path, List<String> headingsSoFar) {
		String initiative = line.initiative();
		if (!initiative.contains(" - ") && !initiative.strip().endsWith(":")) {
			ScheduleSheet.Line asRead = new ScheduleSheet.Line(new SheetRow(0, initiative, null, null, null, "", ""),
					(path.length > 0) ? path[0] : null, routeHeading(path), recipientHeading(path));
			String[] recipient = ImportReading.recipient(asRead, headingsSoFar);
			// the name as read back must be the recipient's whole name (not only its
			// key, which drops "Ltd"), so that an import into a new system names it so
			if (spelled(recipient[0]).equals(spelled(line.organisationName())) && recipient[1].equals(initiative)) {
				return initiative;
			}
		}
		return line.organisationName() + " - " + initiative;
	}

	/** A name as spelled, whatever its case, punctuation and spacing. */
	private static String spelled(String name) {
		return (name == null) ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static String routeHeading(String[] path) {
		for (int i = 1; i < path.length; i++) {
			if (ScheduleSheet.routeOf(path[i]).isPresent()) {
				return path[i];
			}
		}
		return null;
	}

	private static String recipientHeading(String[] path) {
		for (int i = path.length - 1; i >= 1; i--) {
			if (ScheduleSheet.routeOf(path[i]).isEmpty()) {
				return path[i];
			}
		}
		return null;
	}

	private static Object[] headings(FinancialYear year) {
		return SheetReader.headings(year).toArray();
	}

	private static Object[] amounts(String label, Money[] sums, String comments) {
		return new Object[] { label, sums[0], sums[1], sums[2], comments, null };
	}

	private static Money[] zeros() {
		Money[] zeros = new Money[3];
		Arrays.fill(zeros, Money.ZERO);
		return zeros;
	}

	/** The schedule as CSV (UTF-8), amounts to the penny with thousands separators. */
	public static byte[] csv(ScheduleView schedule, Money streamsTotal) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.RFC4180)) {
			for (Object[] row : rows(schedule, streamsTotal)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.length; i++) {
					Object cell = row[i];
					if (cell == null) {
						cells.add("");
					}
					else if (cell instanceof Money money) {
						cells.add(money.format().replace("£", ""));
					}
					else {
						cells.add(SpreadsheetText.safe(cell.toString()));
					}
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return out.toByteArray();
	}

	/**
	 * The schedule as an Excel workbook: amounts as numbers, headings and totals in bold.
	 */
	public static byte[] xlsx(ScheduleView schedule, Money streamsTotal) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Schedule " + schedule.year());
			CellStyle pounds = workbook.createCellStyle();
			pounds.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			CellStyle bold = workbook.createCellStyle();
			bold.setFont(boldFont);
			CellStyle boldPounds = workbook.createCellStyle();
			boldPounds.cloneStyleFrom(pounds);
			boldPounds.setFont(boldFont);
			int r = 0;
			for (Object[] values : rows(schedule, streamsTotal)) {
				Row row = sheet.createRow(r);
				String first = (values[0] != null) ? values[0].toString() : "";
				boolean strong = r < 2 || first.endsWith(":") || first.startsWith("Total ") || first.equals("TOTAL")
						|| first.equals("GRAND TOTAL") || first.equals("Unallocated Funding");
				for (int c = 0; c < values.length; c++) {
					Object value = values[c];
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof Money money) {
						cell.setCellValue(money.amount().doubleValue());
						cell.setCellStyle(strong ? boldPounds : pounds);
					}
					else {
						cell.setCellValue(SpreadsheetText.safe(value.toString()));
						if (strong) {
							cell.setCellStyle(bold);
						}
					}
				}
				r++;
			}
			sheet.setColumnWidth(0, 60 * 256);
			for (int c = 1; c <= 3; c++) {
				sheet.setColumnWidth(c, 18 * 256);
			}
			sheet.setColumnWidth(4, 50 * 256);
			sheet.setColumnWidth(5, 40 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

}
