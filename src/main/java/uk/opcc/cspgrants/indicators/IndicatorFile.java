package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Reads the generic indicator CSV:
 * {@code partnership code, financial year, indicator, value}. Indicator names are lower
 * case letters, digits and underscores, e.g. {@code deprivation_score}; the built-in
 * indicators come from their own imports and are refused here.
 */
final class IndicatorFile {

	static final List<String> HEADER = List.of("partnership code", "financial year", "indicator", "value");

	static final Set<String> BUILT_IN = Set.of("population", "recorded_crime", "crime_per_1000", "crime_harm",
			"crime_harm_per_1000", "anti_social_behaviour");

	private IndicatorFile() {
	}

	/** One value from the file. */
	record Row(long line, String partnershipCode, FinancialYear year, String indicator, BigDecimal value) {
	}

	static List<Row> read(UploadedFile file, List<RefusedRow> refused) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CsvFiles.open(file)) {
			List<String> header = parser.getHeaderNames()
				.stream()
				.map(name -> name.strip().toLowerCase(Locale.UK))
				.toList();
			if (!header.equals(HEADER)) {
				refused.add(new RefusedRow(file.name(), 1,
						"The first line should be: partnership code,financial year,indicator,value"));
				return rows;
			}
			for (CSVRecord record : parser) {
				long line = record.getRecordNumber() + 1;
				if (record.size() != HEADER.size()) {
					refused.add(new RefusedRow(file.name(), line, "Expected 4 columns but found " + record.size()));
					continue;
				}
				String indicator = record.get(2).strip().toLowerCase(Locale.UK);
				String problem = null;
				FinancialYear year = null;
				BigDecimal value = null;
				try {
					year = FinancialYear.parse(record.get(1));
				}
				catch (IllegalArgumentException badYear) {
					problem = "The financial year \"" + record.get(1) + "\" is not a year like 2023-24";
				}
				if (problem == null && !indicator.matches("[a-z][a-z0-9_]{1,59}")) {
					problem = "The indicator \"" + record.get(2)
							+ "\" must be lower-case letters, digits and underscores, like deprivation_score";
				}
				if (problem == null && BUILT_IN.contains(indicator)) {
					problem = "The indicator " + indicator
							+ " comes from its own import (police.uk or ONS), not this file";
				}
				if (problem == null) {
					try {
						value = new BigDecimal(record.get(3).strip().replace(",", ""));
						String refusal = IndicatorLimit.VALUE.refusal(value);
						if (refusal != null) {
							problem = "The value " + refusal;
						}
					}
					catch (NumberFormatException notANumber) {
						problem = "The value \"" + record.get(3) + "\" is not a number";
					}
				}
				if (problem != null) {
					refused.add(new RefusedRow(file.name(), line, problem));
				}
				else {
					rows.add(new Row(line, record.get(0).strip().toUpperCase(Locale.UK), year, indicator, value));
				}
			}
		}
		catch (java.io.UncheckedIOException | IllegalStateException unreadable) {
			refused.add(new RefusedRow(file.name(), 0, "The file could not be read as CSV"));
		}
		return rows;
	}

}
