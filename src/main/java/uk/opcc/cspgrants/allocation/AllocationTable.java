package uk.opcc.cspgrants.allocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * A run's allocation table as published: "CSP 1 Leicester £41,602.98 ... Total", largest
 * amount first, with the total row; as CSV and as an Excel workbook with amounts as
 * numbers in a £ format.
 */
final class AllocationTable {

	static final String POUNDS_FORMAT = "£#,##0.00;-£#,##0.00";

	private AllocationTable() {
	}

	static String csv(RunView run) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("CSP", "Community Safety Partnership", "Code", "Allocation " + run.year())
					.get())) {
			List<RunView.Line> lines = run.byAmount();
			for (int i = 0; i < lines.size(); i++) {
				RunView.Line line = lines.get(i);
				csv.printRecord("CSP " + (i + 1), SpreadsheetText.safe(line.name()), SpreadsheetText.safe(line.code()),
						line.amount().amount().toPlainString());
			}
			csv.printRecord("Total", "", "", run.total().amount().toPlainString());
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toString();
	}

	static byte[] xlsx(RunView run) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Allocation " + run.year());
			CellStyle pounds = workbook.createCellStyle();
			pounds.setDataFormat(workbook.createDataFormat().getFormat(POUNDS_FORMAT));
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			CellStyle boldPounds = workbook.createCellStyle();
			boldPounds.cloneStyleFrom(pounds);
			boldPounds.setFont(bold);

			Row title = sheet.createRow(0);
			title.createCell(0)
				.setCellValue(SpreadsheetText
					.safe("Formula run " + run.id() + ": " + run.purpose().label() + " " + run.year() + ", "
							+ run.formulaLabel() + " (" + run.status().label() + "), over " + run.partnerships()));
			Row heading = sheet.createRow(2);
			String[] headings = { "CSP", "Community Safety Partnership", "Code", "Allocation " + run.year() };
			for (int i = 0; i < headings.length; i++) {
				Cell cell = heading.createCell(i);
				cell.setCellValue(headings[i]);
				cell.setCellStyle(header);
			}
			List<RunView.Line> lines = run.byAmount();
			int rowNumber = 3;
			for (int i = 0; i < lines.size(); i++) {
				RunView.Line line = lines.get(i);
				Row row = sheet.createRow(rowNumber++);
				row.createCell(0).setCellValue("CSP " + (i + 1));
				row.createCell(1).setCellValue(SpreadsheetText.safe(line.name()));
				row.createCell(2).setCellValue(SpreadsheetText.safe(line.code()));
				Cell amount = row.createCell(3);
				amount.setCellValue(line.amount().amount().doubleValue());
				amount.setCellStyle(pounds);
			}
			Row total = sheet.createRow(rowNumber);
			Cell label = total.createCell(0);
			label.setCellValue("Total");
			label.setCellStyle(header);
			Cell sum = total.createCell(3);
			sum.setCellValue(run.total().amount().doubleValue());
			sum.setCellStyle(boldPounds);
			int[] widths = { 8, 36, 8, 20 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

}
