package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.StreamKind;
import uk.opcc.cspgrants.commissioning.ThemeKind;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * EXE 0025/13's attached table as typed from the seed
 * ({@code demo/exe-0025-13-schedule.csv}), the same table as an Excel workbook (amounts
 * as numbers, as finance keeps them), and the 2013 plan's themes and the decision's three
 * funding streams.
 */
final class SeedSchedule {

	static final FinancialYear YEAR = FinancialYear.parse("2013-14");

	static final ThemeView REOFFENDING = new ThemeView(11, 1, "Police and Crime Plan 2013", "Reoffending and Offending",
			ThemeKind.THEME, 1);

	static final ThemeView SAFER = new ThemeView(12, 1, "Police and Crime Plan 2013",
			"Making our Communities and Neighbourhoods Safer", ThemeKind.THEME, 2);

	static final ThemeView VULNERABLE = new ThemeView(13, 1, "Police and Crime Plan 2013", "Protecting the Vulnerable",
			ThemeKind.THEME, 3);

	static final ThemeView ALL = new ThemeView(14, 1, "Police and Crime Plan 2013", "All themes", ThemeKind.ALL, 4);

	static final ThemeView DISCRETIONARY = new ThemeView(15, 1, "Police and Crime Plan 2013", "Discretionary",
			ThemeKind.DISCRETIONARY, 5);

	static final List<ThemeView> THEMES = List.of(REOFFENDING, SAFER, VULNERABLE, ALL, DISCRETIONARY);

	static final List<FundingStreamView> STREAMS = List.of(
			new FundingStreamView(21, YEAR, "PCC Community Safety Grant", "Home Office", StreamKind.GRANT,
					Money.of("1649000"), null, false, 0),
			new FundingStreamView(22, YEAR, "Former Police Force Partnership funding", "Leicestershire Police",
					StreamKind.FORCE, Money.of("1305029"), null, false, 0),
			new FundingStreamView(23, YEAR, "Use of Budget Equalisation Reserve", "Police and Crime Commissioner",
					StreamKind.RESERVE, Money.of("294994"), null, false, 0));

	private SeedSchedule() {
	}

	static byte[] csv() {
		try (InputStream in = SeedSchedule.class.getResourceAsStream("/demo/exe-0025-13-schedule.csv")) {
			return in.readAllBytes();
		}
		catch (IOException failed) {
			throw new IllegalStateException(failed);
		}
	}

	/** The CSV typed into a workbook: amounts as numbers, everything else as text. */
	static byte[] xlsx() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Table 1");
			int r = 0;
			for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(new String(csv(), "UTF-8")))) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < record.size(); c++) {
					String text = record.get(c);
					if (text.isEmpty()) {
						continue;
					}
					if (c >= 1 && c <= 3 && text.matches("[0-9,]+")) {
						row.createCell(c).setCellValue(Double.parseDouble(text.replace(",", "")));
					}
					else {
						row.createCell(c).setCellValue(text);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
