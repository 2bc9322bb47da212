package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an ONS population estimates file ({@code Code, Name, Geography, Population},
 * starting with a byte order mark): population by area code.
 */
final class PopulationFile {

	static final List<String> HEADER = List.of("Code", "Name", "Geography", "Population");

	private PopulationFile() {
	}

	/**
	 * The population of every area code in the file. Refused rows are added to
	 * {@code refused}.
	 */
	static Map<String, BigDecimal> read(UploadedFile file, List<RefusedRow> refused) throws IOException {
		Map<String, BigDecimal> populations = new LinkedHashMap<>();
		try (CSVParser parser = CsvFiles.open(file)) {
			List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
			if (!header.equals(HEADER)) {
				refused.add(new RefusedRow(file.name(), 1,
						"This is not an ONS population file: the first line should be Code,Name,Geography,Population"));
				return populations;
			}
			for (CSVRecord record : parser) {
				long line = record.getRecordNumber() + 1;
				String code = record.get("Code").strip().toUpperCase(Locale.UK);
				String text = record.get("Population").strip().replace(",", "");
				try {
					BigDecimal population = new BigDecimal(text);
					String refusal = IndicatorLimit.POPULATION.refusal(population);
					if (refusal != null) {
						refused.add(new RefusedRow(file.name(), line, "The population of " + code + ": " + refusal));
					}
					else {
						populations.put(code, population);
					}
				}
				catch (NumberFormatException notANumber) {
					refused.add(new RefusedRow(file.name(), line,
							"The population of " + code + " is not a whole number: \"" + text + "\""));
				}
			}
		}
		catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException unreadable) {
			refused.add(new RefusedRow(file.name(), 0, "The file could not be read as CSV"));
		}
		return populations;
	}

}
