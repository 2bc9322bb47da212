package uk.opcc.cspgrants.rounds.panel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * The panel's paper as files staff take into a meeting or send on: a spreadsheet (one row
 * per application, money as numbers in pounds, a total row) and CSV with the same
 * columns. Text a spreadsheet would read as a formula is kept as text. Plain Java.
 */
final class PanelPaperFiles {

	static final List<String> HEADINGS = List.of("Rank", "Application", "Organisation", "Project", "Theme",
			"Score out of 100", "Spread", "Reviews", "Flagged for moderation", "Asks for", "Running total",
			"Above the budget line", "Recommendation", "Recommended", "Reason", "Feedback",
			"Interests declared (takes no part)");

	private PanelPaperFiles() {
	}

	static String csv(PanelPaper paper) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord(HEADINGS);
			for (PanelPaper.Row row : paper.rows()) {
				csv.printRecord(cells(paper, row).stream().map(PanelPaperFiles::csvText).toList());
			}
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toString();
	}

	static byte[] xlsx(PanelPaper paper) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			CellStyle bold = workbook.createCellStyle();
			bold.setFont(boldFont);
			CellStyle pounds = workbook.createCellStyle();
			pounds.setDataFormat(workbook.createDataFormat().getFormat("£#,##0.00"));
			Sheet sheet = workbook.createSheet("Panel paper");
			Row title = sheet.createRow(0);
			title.createCell(0)
				.setCellValue(SpreadsheetText.safe(paper.round().title()) + " (" + paper.round().reference()
						+ "): the Review Panel's paper");
			title.getCell(0).setCellStyle(bold);
			Row headings = sheet.createRow(2);
			for (int column = 0; column < HEADINGS.size(); column++) {
				Cell cell = headings.createCell(column);
				cell.setCellValue(HEADINGS.get(column));
				cell.setCellStyle(bold);
			}
			int at = 3;
			for (PanelPaper.Row row : paper.rows()) {
				Row line = sheet.createRow(at++);
				List<Object> cells = cells(paper, row);
				for (int column = 0; column < cells.size(); column++) {
					Object value = cells.get(column);
					Cell cell = line.createCell(column);
					if (value instanceof Money money) {
						cell.setCellValue(money.amount().doubleValue());
						cell.setCellStyle(pounds);
					}
					else if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value != null) {
						cell.setCellValue(SpreadsheetText.safe(value.toString()));
					}
				}
			}
			Row total = sheet.createRow(at + 1);
			total.createCell(0).setCellValue("Recommended, of a budget of " + paper.round().budget().format());
			total.getCell(0).setCellStyle(bold);
			Cell recommended = total.createCell(13);
			recommended.setCellValue(paper.recommended().amount().doubleValue());
			recommended.setCellStyle(pounds);
			for (int column = 0; column < 12; column++) {
				sheet.autoSizeColumn(column);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/**
	 * A row's cells: money as {@link Money}, counts and scores as numbers, the rest text.
	 */
	private static List<Object> cells(PanelPaper paper, PanelPaper.Row row) {
		List<Object> cells = new ArrayList<>();
		cells.add(row.place().position());
		cells.add(row.application().reference());
		cells.add(row.application().organisationName());
		cells.add(row.application().projectTitle());
		cells.add(paper.round().themeName(row.application().themeId()));
		cells.add(row.place().sheet().average());
		cells.add(row.place().sheet().spread());
		cells.add(row.place().sheet().count());
		cells.add(row.place().flagged() ? "Yes" : "No");
		cells.add(row.place().sheet().requested());
		cells.add(row.place().runningTotal());
		cells.add(row.place().aboveTheLine() ? "Yes" : "No");
		RecommendationView recommendation = row.recommendation();
		cells.add((recommendation != null) ? recommendation.outcome().label() : "Not recorded");
		cells.add((recommendation != null) ? recommendation.funded() : null);
		cells.add((recommendation != null) ? recommendation.reason() : "");
		cells.add((recommendation != null) ? recommendation.feedback() : "");
		cells.add(String.join("; ",
				row.interests().stream().map(interest -> interest.member() + ": " + interest.interest()).toList()));
		return cells;
	}

	private static String csvText(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Money money) {
			return money.toString();
		}
		if (value instanceof Number number) {
			return (number instanceof java.math.BigDecimal decimal) ? decimal.toPlainString() : number.toString();
		}
		return SpreadsheetText.safe(value.toString());
	}

}
