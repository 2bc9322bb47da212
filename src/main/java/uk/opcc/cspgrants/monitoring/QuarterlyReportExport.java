package uk.opcc.cspgrants.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * Tables 1 and 2 of a quarterly report as CSV (amounts to the pound, as published) and as
 * an Excel workbook (one sheet per table, amounts as numbers in a £ format, percentages
 * in a % format).
 */
final class QuarterlyReportExport {

	static final String POUNDS = "£#,##0;-£#,##0";

	private QuarterlyReportExport() {
	}

	static List<String> table1Header(QuarterlyReport report) {
		return List.of("Local Authority", yearLabel(report) + " Allocation", previousLabel(report) + " Carry Forward",
				yearLabel(report) + " Total Allocation", "Planned Allocation as per " + report.quarter() + " Return",
				"Remainder to be Allocated", "% Allocated", "Comments");
	}

	static List<String> table2Header(QuarterlyReport report) {
		List<String> header = new ArrayList<>(List.of("Local Authority", yearLabel(report) + " Allocation",
				previousLabel(report) + " Carry Forward", yearLabel(report) + " Total Allocation"));
		report.quarters().forEach(quarter -> header.add(quarter + " Spend"));
		header.add("% Spend at " + report.quarter());
		header.add("Comments");
		return header;
	}

	/** "2016/17", as the published tables write years. */
	static String yearLabel(QuarterlyReport report) {
		return report.year().toString().replace('-', '/');
	}

	static String previousLabel(QuarterlyReport report) {
		return report.year().previous().toString().replace('-', '/');
	}

	static String csv(QuarterlyReport report) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord("Table 1");
			csv.printRecord(table1Header(report));
			for (QuarterlyReport.Row row : report.rows()) {
				csv.printRecord(SpreadsheetText.safe(row.name()), pounds(row.allocation()), pounds(row.carryForward()),
						pounds(row.totalAllocation()), pounds(row.planned()), pounds(row.remainder()),
						percent(row.percentAllocated()), SpreadsheetText.safe(row.comment()));
			}
			csv.printRecord("Total", pounds(report.totalAllocation()), pounds(report.totalCarryForward()),
					pounds(report.totalTotalAllocation()), pounds(report.totalPlanned()),
					pounds(report.totalRemainder()), "", "");
			csv.println();
			csv.printRecord("Table 2");
			csv.printRecord(table2Header(report));
			for (QuarterlyReport.Row row : report.rows()) {
				List<Object> cells = new ArrayList<>(List.of(SpreadsheetText.safe(row.name()), pounds(row.allocation()),
						pounds(row.carryForward()), pounds(row.totalAllocation())));
				row.spendByQuarter().forEach(spend -> cells.add(pounds(spend)));
				cells.add(percent(row.percentSpent()));
				cells.add(SpreadsheetText.safe(row.comment()));
				csv.printRecord(cells);
			}
			List<Object> totals = new ArrayList<>(List.of("Total", pounds(report.totalAllocation()),
					pounds(report.totalCarryForward()), pounds(report.totalTotalAllocation())));
			report.totalSpendByQuarter().forEach(spend -> totals.add(pounds(spend)));
			totals.add("");
			totals.add("");
			csv.printRecord(totals);
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toString();
	}

	static byte[] xlsx(QuarterlyReport report) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			Sheet table1 = workbook.createSheet("Table 1");
			header(table1, table1Header(report), styles);
			int r = 1;
			for (QuarterlyReport.Row row : report.rows()) {
				Row line = table1.createRow(r++);
				text(line, 0, row.name());
				money(line, 1, row.allocation(), styles.pounds);
				money(line, 2, row.carryForward(), styles.pounds);
				money(line, 3, row.totalAllocation(), styles.pounds);
				money(line, 4, row.planned(), styles.pounds);
				money(line, 5, row.remainder(), styles.pounds);
				percentCell(line, 6, row.percentAllocated(), styles.percent);
				text(line, 7, row.comment());
			}
			Row total1 = table1.createRow(r);
			text(total1, 0, "Total").setCellStyle(styles.bold);
			money(total1, 1, report.totalAllocation(), styles.boldPounds);
			money(total1, 2, report.totalCarryForward(), styles.boldPounds);
			money(total1, 3, report.totalTotalAllocation(), styles.boldPounds);
			money(total1, 4, report.totalPlanned(), styles.boldPounds);
			money(total1, 5, report.totalRemainder(), styles.boldPounds);

			Sheet table2 = workbook.createSheet("Table 2");
			List<String> header2 = table2Header(report);
			header(table2, header2, styles);
			r = 1;
			for (QuarterlyReport.Row row : report.rows()) {
				Row line = table2.createRow(r++);
				text(line, 0, row.name());
				money(line, 1, row.allocation(), styles.pounds);
				money(line, 2, row.carryForward(), styles.pounds);
				money(line, 3, row.totalAllocation(), styles.pounds);
				int c = 4;
				for (Money spend : row.spendByQuarter()) {
					money(line, c++, spend, styles.pounds);
				}
				percentCell(line, c++, row.percentSpent(), styles.percent);
				text(line, c, row.comment());
			}
			Row total2 = table2.createRow(r);
			text(total2, 0, "Total").setCellStyle(styles.bold);
			money(total2, 1, report.totalAllocation(), styles.boldPounds);
			money(total2, 2, report.totalCarryForward(), styles.boldPounds);
			money(total2, 3, report.totalTotalAllocation(), styles.boldPounds);
			int c = 4;
			for (Money spend : report.totalSpendByQuarter()) {
				money(total2, c++, spend, styles.boldPounds);
			}
			for (Sheet sheet : List.of(table1, table2)) {
				sheet.setColumnWidth(0, 22 * 256);
				for (int i = 1; i < 10; i++) {
					sheet.setColumnWidth(i, 16 * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	private static void header(Sheet sheet, List<String> headings, Styles styles) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < headings.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headings.get(i));
			cell.setCellStyle(styles.bold);
		}
	}

	private static Cell text(Row row, int column, String text) {
		Cell cell = row.createCell(column);
		cell.setCellValue(SpreadsheetText.safe(text));
		return cell;
	}

	private static void money(Row row, int column, Money amount, CellStyle style) {
		if (amount != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(amount.amount().setScale(0, RoundingMode.HALF_UP).doubleValue());
			cell.setCellStyle(style);
		}
	}

	private static void percentCell(Row row, int column, Integer percent, CellStyle style) {
		if (percent != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(BigDecimal.valueOf(percent).movePointLeft(2).doubleValue());
			cell.setCellStyle(style);
		}
	}

	private static String pounds(Money amount) {
		return (amount != null) ? amount.formatWholePounds() : "";
	}

	private static String percent(Integer percent) {
		return (percent != null) ? percent + "%" : "";
	}

	private static final class Styles {

		final CellStyle pounds;

		final CellStyle boldPounds;

		final CellStyle percent;

		final CellStyle bold;

		Styles(XSSFWorkbook workbook) {
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			this.pounds = workbook.createCellStyle();
			this.pounds.setDataFormat(workbook.createDataFormat().getFormat(POUNDS));
			this.boldPounds = workbook.createCellStyle();
			this.boldPounds.cloneStyleFrom(this.pounds);
			this.boldPounds.setFont(boldFont);
			this.percent = workbook.createCellStyle();
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
			this.bold = workbook.createCellStyle();
			this.bold.setFont(boldFont);
		}

	}

}
