package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * Reads the rows of a schedule from an XLSX workbook (its first sheet) or a CSV file, in
 * the layout of EXE 0025/13's attached table: rows before the heading row (a title) are
 * skipped, a heading row repeated after a page break is skipped, blank rows are skipped.
 * Everything it cannot read is refused on the {@code file} field with a message that says
 * which row and column, so that the officer can correct the file.
 */
public final class SheetReader {

	/** The headings as EXE 0025/13 prints them, for messages and exports. */
	/**
	 * The schedule's columns for a year, as EXE 0025/13 heads them for 2013-14: "Apr 13 -
	 * Sept 13 (Except where stated)", "Oct 13-Mar 14 Indicative (Except where stated)"… A
	 * file is read by what its headings hold ("apr", "oct", "total"…), whatever year they
	 * name.
	 */
	public static List<String> headings(FinancialYear year) {
		String from = twoDigits(year.startYear());
		String to = twoDigits(year.startYear() + 1);
		return List.of("Organisation/Initiative", "Apr " + from + " - Sept " + from + " (Except where stated)",
				"Oct " + from + "-Mar " + to + " Indicative (Except where stated)", "Total", "Comments",
				"Links to police and Crime Plan Theme");
	}

	private static String twoDigits(int year) {
		return String.format("%02d", year % 100);
	}

	private static final int MOST_PROBLEMS_SHOWN = 3;

	private static final int HEADING_SEARCH_ROWS = 20;

	private SheetReader() {
	}

	/** The rows of the table in a file, refusing what is not the schedule's layout. */
	public static List<SheetRow> read(String fileName, byte[] content) {
		String name = (fileName == null || fileName.isBlank()) ? "The file" : fileName;
		if (content == null || content.length == 0) {
			throw refused(name + " is empty. Choose the schedule saved as .xlsx or .csv");
		}
		return rows(name, cells(name, content));
	}

	private static List<List<String>> cells(String name, byte[] content) {
		if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
			return workbook(name, content);
		}
		if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw refused(name + " is an old Excel 97-2003 workbook (.xls). Save it as an Excel workbook (.xlsx) "
					+ "or as CSV and choose it again");
		}
		return csv(name, content);
	}

	private static List<List<String>> workbook(String name, byte[] content) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw refused(name + " has no sheets");
			}
			Sheet sheet = workbook.getSheetAt(0);
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						cells.add(text(row.getCell(c)));
					}
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof ValidationException refusal) {
				throw refusal;
			}
			throw refused(name + " is not an Excel workbook that can be read. Save it again as .xlsx or CSV");
		}
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case STRING -> SpreadsheetText.asTyped(cell.getStringCellValue());
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> "";
		};
	}

	private static List<List<String>> csv(String name, byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException notText) {
			throw refused(name + " is not a spreadsheet. Choose the schedule saved as .xlsx or as CSV (UTF-8)");
		}
		if (text.indexOf('\0') >= 0) {
			throw refused(name + " is not a spreadsheet. Choose the schedule saved as .xlsx or as CSV (UTF-8)");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<String>> rows = new ArrayList<>();
		try {
			for (CSVRecord record : CSVFormat.RFC4180.builder()
				.setIgnoreEmptyLines(false)
				.get()
				.parse(new StringReader(text))) {
				List<String> cells = new ArrayList<>();
				record.forEach(cell -> cells.add(SpreadsheetText.asTyped(cell)));
				rows.add(cells);
			}
		}
		catch (IOException | RuntimeException broken) {
			throw refused(name + " is not a CSV file that can be read (a quote is not closed?)");
		}
		return rows;
	}

	private static List<SheetRow> rows(String name, List<List<String>> cells) {
		int heading = -1;
		for (int r = 0; r < Math.min(cells.size(), HEADING_SEARCH_ROWS); r++) {
			if (isHeading(cells.get(r))) {
				heading = r;
				break;
			}
		}
		if (heading < 0) {
			throw refused(name + " does not have the schedule's columns. Its table must start with a row headed "
					+ "Organisation/Initiative, then the April to September amounts, the October to March amounts, "
					+ "Total, Comments and the Police and Crime Plan theme");
		}
		checkHeadings(name, heading + 1, cells.get(heading));
		List<SheetRow> rows = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int r = heading + 1; r < cells.size(); r++) {
			List<String> row = cells.get(r);
			if (row.stream().allMatch(cell -> cell == null || cell.isBlank()) || isHeading(row)) {
				continue;
			}
			int number = r + 1;
			String label = cell(row, 0);
			if (label.isEmpty()) {
				problems.add("Row " + number + " has amounts but no organisation or initiative");
				continue;
			}
			List<String> headings = cells.get(heading);
			rows.add(new SheetRow(number, label, money(row, 1, number, label, headings, problems),
					money(row, 2, number, label, headings, problems), money(row, 3, number, label, headings, problems),
					cell(row, 4), cell(row, 5)));
		}
		if (!problems.isEmpty()) {
			String shown = String.join("; ", problems.subList(0, Math.min(MOST_PROBLEMS_SHOWN, problems.size())));
			int more = problems.size() - MOST_PROBLEMS_SHOWN;
			throw refused(name + ": " + shown
					+ ((more > 0) ? "; and " + more + " more " + ((more == 1) ? "problem" : "problems") : ""));
		}
		if (rows.isEmpty()) {
			throw refused(name + " has the schedule's columns but no rows under them");
		}
		return rows;
	}

	private static boolean isHeading(List<String> row) {
		return cell(row, 0).toLowerCase(Locale.ROOT).startsWith("organisation");
	}

	private static void checkHeadings(String name, int number, List<String> row) {
		String[][] expected = { { "apr", "the Apr to Sept amounts" }, { "oct", "the Oct to Mar amounts" },
				{ "total", "Total" }, { "comment", "Comments" }, { "theme", "the Police and Crime Plan theme" } };
		for (int c = 0; c < expected.length; c++) {
			String heading = cell(row, c + 1);
			if (!heading.toLowerCase(Locale.ROOT).contains(expected[c][0])) {
				throw refused(name + ", row " + number + ": column " + (c + 2) + " is headed "
						+ (heading.isEmpty() ? "nothing" : "“" + heading + "”") + " but should hold " + expected[c][1]);
			}
		}
	}

	private static Money money(List<String> row, int column, int number, String label, List<String> headings,
			List<String> problems) {
		String text = cell(row, column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			Money amount = Money.parse(text);
			return amount;
		}
		catch (InvalidMoneyException notMoney) {
			problems.add("row " + number + " (" + shortened(label) + "): “" + shortened(text) + "” under "
					+ cell(headings, column) + " is not an amount of money");
			return null;
		}
	}

	private static String cell(List<String> row, int column) {
		return (column < row.size() && row.get(column) != null) ? row.get(column).strip() : "";
	}

	static String shortened(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 57) + "…";
	}

	private static boolean startsWith(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static ValidationException refused(String message) {
		return new ValidationException("file", message);
	}

}
