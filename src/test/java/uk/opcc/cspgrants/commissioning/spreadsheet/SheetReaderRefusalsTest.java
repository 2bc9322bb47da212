package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that are not the schedule are refused on the file field, saying why. */
class SheetReaderRefusalsTest {

	private static final String HEADINGS = "Organisation/Initiative,Apr 13 - Sept 13 (Except where stated),"
			+ "Oct 13-Mar 14 Indicative (Except where stated),Total,Comments,Links to police and Crime Plan Theme\n";

	@Test
	void aPictureIsNotASpreadsheet() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte) 0xFF, (byte) 0xFE };
		assertRefused("logo.png", png, "logo.png is not a spreadsheet. Choose the schedule saved as .xlsx or as CSV");
	}

	@Test
	void anOldExcelFileIsNamed() {
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertRefused("schedule.xls", xls, "schedule.xls is an old Excel 97-2003 workbook (.xls)");
	}

	@Test
	void aBrokenWorkbookIsRefused() {
		byte[] zip = { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 };
		assertRefused("schedule.xlsx", zip, "schedule.xlsx is not an Excel workbook that can be read");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertRefused("schedule.csv", new byte[0], "schedule.csv is empty");
	}

	@Test
	void aFileWithOtherColumnsIsRefused() {
		assertRefused("grants.csv", "Partnership,Allocation\nBlaby,100\n".getBytes(StandardCharsets.UTF_8),
				"grants.csv does not have the schedule's columns");
	}

	@Test
	void aColumnInTheWrongPlaceIsNamed() {
		String csv = "Organisation/Initiative,Total,Apr 13 - Sept 13,Oct 13-Mar 14,Comments,Theme\n";
		assertRefused("swapped.csv", csv.getBytes(StandardCharsets.UTF_8),
				"swapped.csv, row 1: column 2 is headed “Total” but should hold the Apr to Sept amounts");
	}

	@Test
	void amountsThatAreNotMoneyAreNamedByRowAndColumn() {
		String csv = HEADINGS
				+ "Leicester city:,,,,,\nLSCB,\"43,945\",,twelve pounds,,\nLSAB,8.505,,,,\nDIP,1.2.3,,,,\n"
				+ "YOS,abc,,,,\n";
		assertRefused("typo.csv", csv.getBytes(StandardCharsets.UTF_8),
				"typo.csv: row 3 (LSCB): “twelve pounds” under Total is not an amount of money; "
						+ "row 4 (LSAB): “8.505” under Apr 13 - Sept 13 (Except where stated) is not an amount of money; "
						+ "row 5 (DIP): “1.2.3” under Apr 13 - Sept 13 (Except where stated) is not an amount of money; "
						+ "and 1 more problem");
	}

	@Test
	void anotherYearsHeadingsAreReadAndNamedAsTheFileHasThem() {
		assertThat(SheetReader.headings(FinancialYear.parse("2024-25"))).containsExactly("Organisation/Initiative",
				"Apr 24 - Sept 24 (Except where stated)", "Oct 24-Mar 25 Indicative (Except where stated)", "Total",
				"Comments", "Links to police and Crime Plan Theme");
		String csv = String.join(",", SheetReader.headings(FinancialYear.parse("2024-25")))
				+ "\nLeicester city:,,,,,\nLSCB,\"43,945\",,\"43,945\",,\nLSAB,8.505,,,,\n";
		assertRefused("2024.csv", csv.getBytes(StandardCharsets.UTF_8),
				"2024.csv: row 4 (LSAB): “8.505” under Apr 24 - Sept 24 (Except where stated) is not an amount of money");
	}

	@Test
	void headingsWithNoRowsAreRefused() {
		assertRefused("empty.csv", HEADINGS.getBytes(StandardCharsets.UTF_8),
				"empty.csv has the schedule's columns but no rows under them");
	}

	@Test
	void aFormulaInAWorkbookIsReadAsItsValueAndPenceAreKept() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			String[] headings = HEADINGS.strip().split(",");
			var top = sheet.createRow(0);
			for (int c = 0; c < headings.length; c++) {
				top.createCell(c).setCellValue(headings[c]);
			}
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("Anchor Centre");
			row.createCell(1).setCellValue(1234.5);
			row.createCell(2).setCellValue(0.1);
			row.createCell(3).setCellFormula("B2+C2");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
			SheetRow read = SheetReader.read("book.xlsx", out.toByteArray()).get(0);
			assertThat(read.aprSep()).isEqualTo(Money.of("1234.50"));
			assertThat(read.octMar()).isEqualTo(Money.of("0.10"));
			assertThat(read.total()).isEqualTo(Money.of("1234.60"));
		}
	}

	private static void assertRefused(String name, byte[] content, String message) {
		assertThatThrownBy(() -> SheetReader.read(name, content)).isInstanceOf(ValidationException.class)
			.satisfies(refusal -> assertThat(((ValidationException) refusal).fieldErrors().get("file"))
				.startsWith(message));
	}

}
