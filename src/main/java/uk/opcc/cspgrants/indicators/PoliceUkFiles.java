package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * Reads police.uk street-level crime files ({@code Crime ID, Month, Reported by, ...})
 * and the compact export this service writes ({@code Month, Area, Crime type, Count}, its
 * text cells made safe for spreadsheets by {@link SpreadsheetText}) into a
 * {@link CrimeTally}. Plain Java: tested without Spring.
 */
final class PoliceUkFiles {

	static final List<String> STREET_HEADER = List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude",
			"Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context");

	static final List<String> COMPACT_HEADER = List.of("Month", "Area", "Crime type", "Count");

	private static final int MAX_REFUSED = 200;

	private PoliceUkFiles() {
	}

	static CrimeTally read(List<? extends UploadedFile> files) throws IOException {
		CrimeTally tally = new CrimeTally();
		for (UploadedFile file : files) {
			read(file, tally);
		}
		return tally;
	}

	private static void read(UploadedFile file, CrimeTally tally) throws IOException {
		try (CSVParser parser = CsvFiles.open(file)) {
			List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
			if (header.equals(STREET_HEADER)) {
				readStreetRecords(file.name(), parser, tally);
			}
			else if (header.equals(COMPACT_HEADER)) {
				readCompactRecords(file.name(), parser, tally);
			}
			else {
				tally.refuse(file.name(), 1,
						"This is not a police.uk street-level crime file: the first line should be "
								+ String.join(",", STREET_HEADER));
			}
		}
		catch (java.io.UncheckedIOException | IllegalStateException unreadable) {
			tally.refuse(file.name(), 0, "The file could not be read as CSV: " + simpleReason(unreadable));
		}
	}

	private static void readStreetRecords(String file, CSVParser parser, CrimeTally tally) {
		for (CSVRecord record : parser) {
			long line = record.getRecordNumber() + 1;
			if (record.size() != STREET_HEADER.size()) {
				refuse(tally, file, line, "Expected " + STREET_HEADER.size() + " columns but found " + record.size());
				continue;
			}
			YearMonth month = month(record.get("Month"));
			String crimeType = record.get("Crime type").strip();
			if (month == null) {
				refuse(tally, file, line, "The month \"" + record.get("Month") + "\" is not a month like 2023-04");
			}
			else if (crimeType.isEmpty()) {
				refuse(tally, file, line, "The crime type is missing");
			}
			else {
				add(tally, file, line, month, area(record.get("LSOA name")), crimeType, 1);
			}
		}
	}

	private static void readCompactRecords(String file, CSVParser parser, CrimeTally tally) {
		for (CSVRecord record : parser) {
			long line = record.getRecordNumber() + 1;
			if (record.size() != COMPACT_HEADER.size()) {
				refuse(tally, file, line, "Expected 4 columns but found " + record.size());
				continue;
			}
			YearMonth month = month(record.get("Month"));
			String crimeType = SpreadsheetText.asTyped(record.get("Crime type").strip());
			Long count = count(record.get("Count"));
			if (month == null) {
				refuse(tally, file, line, "The month \"" + record.get("Month") + "\" is not a month like 2023-04");
			}
			else if (crimeType.isEmpty()) {
				refuse(tally, file, line, "The crime type is missing");
			}
			else if (count == null) {
				refuse(tally, file, line, "The count \"" + record.get("Count") + "\" is not a whole number from 0 to "
						+ String.format("%,d", Long.MAX_VALUE));
			}
			else {
				add(tally, file, line, month, SpreadsheetText.asTyped(record.get("Area").strip()), crimeType, count);
			}
		}
	}

	/**
	 * The district of an LSOA: its name without the last word ("Hinckley and Bosworth
	 * 007B").
	 */
	static String area(String lsoaName) {
		String name = (lsoaName == null) ? "" : lsoaName.strip();
		int lastSpace = name.lastIndexOf(' ');
		return (lastSpace > 0) ? name.substring(0, lastSpace).strip() : name;
	}

	private static YearMonth month(String text) {
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException notAMonth) {
			return null;
		}
	}

	/** A count of 0 or more that a {@code long} (and a {@code bigint} column) holds. */
	private static Long count(String text) {
		try {
			long count = Long.parseLong(text.strip());
			return (count >= 0) ? count : null;
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static void add(CrimeTally tally, String file, long line, YearMonth month, String area, String crimeType,
			long count) {
		String refusal = tally.add(month, area, crimeType, count, file);
		if (refusal != null) {
			refuse(tally, file, line, refusal);
		}
	}

	private static void refuse(CrimeTally tally, String file, long line, String reason) {
		if (tally.refused().size() < MAX_REFUSED) {
			tally.refuse(file, line, reason);
		}
		else if (tally.refused().size() == MAX_REFUSED) {
			tally.refuse(file, line, "More rows were refused; only the first " + MAX_REFUSED + " are listed");
		}
	}

	private static String simpleReason(RuntimeException failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : "unreadable";
		return message.toLowerCase(Locale.UK).contains("encapsulated") ? "a quoted value is not closed" : "unreadable";
	}

}
