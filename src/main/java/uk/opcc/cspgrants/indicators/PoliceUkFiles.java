package uk.opcc.cspgrants.indicators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * Reads police.uk street-level crime files ({@code Crime ID, Month, Reported by, ...})
 * and the compact export this service writes
 * ({@code Month, Reported by, Area, Crime type,
 * Count}, its text cells made safe for spreadsheets by {@link SpreadsheetText}) into a
 * {@link CrimeTally}, per file, force and month. Plain Java: tested without Spring.
 * <p>
 * Refused, each with a message naming the file: an empty file; a file with a header and
 * no records; a file whose content is the same as another file's in the same request; two
 * different files holding the same force's month; the compact format from before forces
 * were kept (four columns), with what to change.
 */
final class PoliceUkFiles {

	static final List<String> STREET_HEADER = List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude",
			"Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context");

	static final List<String> COMPACT_HEADER = List.of("Month", "Reported by", "Area", "Crime type", "Count");

	static final List<String> COMPACT_HEADER_BEFORE_FORCES = List.of("Month", "Area", "Crime type", "Count");

	private static final int MAX_REFUSED = 200;

	private PoliceUkFiles() {
	}

	static CrimeTally read(List<? extends UploadedFile> files) throws IOException {
		CrimeTally tally = new CrimeTally();
		Map<String, String> firstWithContent = new HashMap<>();
		for (UploadedFile file : files) {
			byte[] content;
			try (InputStream in = file.open()) {
				content = in.readAllBytes();
			}
			if (isBlank(content)) {
				tally.refuse(file.name(), 0, file.name() + " is empty: it has no header and no records. "
						+ "Download it again from data.police.uk, or leave it out.");
				continue;
			}
			String sha256 = sha256(content);
			String earlier = firstWithContent.putIfAbsent(sha256, file.name());
			if (earlier != null) {
				tally.refuse(file.name(), 0, file.name() + " has the same content as " + earlier
						+ ", sent earlier in this request: send it once (it would be counted twice).");
				continue;
			}
			read(UploadedFile.of(file.name(), () -> new ByteArrayInputStream(content)), sha256, tally);
		}
		refuseTwoFilesForOneForceMonth(tally);
		return tally;
	}

	private static void refuseTwoFilesForOneForceMonth(CrimeTally tally) {
		tally.filesByForceMonth().forEach((key, files) -> {
			for (int i = 1; i < files.size(); i++) {
				tally.refuse(files.get(i).name(), 0,
						files.get(0).name() + " and " + files.get(i).name() + " both hold " + key.force()
								+ "'s records for " + key.month()
								+ ": a force's month is loaded from one file, so send one of them.");
			}
		});
	}

	private static void read(UploadedFile file, String sha256, CrimeTally tally) throws IOException {
		try (CSVParser parser = CsvFiles.open(file)) {
			List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
			int refusedBefore = tally.refused().size();
			CrimeTally.FileCounts counts = tally.startFile(file.name(), sha256);
			if (header.equals(STREET_HEADER)) {
				readStreetRecords(counts, parser, tally);
			}
			else if (header.equals(COMPACT_HEADER)) {
				readCompactRecords(counts, parser, tally);
			}
			else if (header.equals(COMPACT_HEADER_BEFORE_FORCES)) {
				tally.refuse(file.name(), 1, "This is the compact format from before forces were kept ("
						+ String.join(",", COMPACT_HEADER_BEFORE_FORCES) + "): add a column Reported by after Month "
						+ "with the force that reported each row (for example Leicestershire Police), so that the "
						+ "first line reads " + String.join(",", COMPACT_HEADER));
				return;
			}
			else {
				tally.refuse(file.name(), 1,
						"This is not a police.uk street-level crime file: the first line should be "
								+ String.join(",", STREET_HEADER));
				return;
			}
			if (counts.byForceMonth().isEmpty() && tally.refused().size() == refusedBefore) {
				tally.refuse(file.name(), 0,
						file.name() + " has a header but no records, so there is nothing to load from it: a police.uk "
								+ "file for a month has records, so download it again, or leave it out.");
			}
		}
		catch (java.io.UncheckedIOException | IllegalStateException unreadable) {
			tally.refuse(file.name(), 0, "The file could not be read as CSV: " + simpleReason(unreadable));
		}
	}

	private static void readStreetRecords(CrimeTally.FileCounts file, CSVParser parser, CrimeTally tally) {
		for (CSVRecord record : parser) {
			long line = record.getRecordNumber() + 1;
			if (record.size() != STREET_HEADER.size()) {
				refuse(tally, file.name(), line,
						"Expected " + STREET_HEADER.size() + " columns but found " + record.size());
				continue;
			}
			YearMonth month = month(record.get("Month"));
			String force = record.get("Reported by").strip();
			String crimeType = record.get("Crime type").strip();
			if (month == null) {
				refuse(tally, file.name(), line,
						"The month \"" + record.get("Month") + "\" is not a month like 2023-04");
			}
			else if (force.isEmpty()) {
				refuse(tally, file.name(), line, "The force that reported the record (Reported by) is missing");
			}
			else if (crimeType.isEmpty()) {
				refuse(tally, file.name(), line, "The crime type is missing");
			}
			else {
				add(tally, file, line, force, month, area(record.get("LSOA name")), crimeType, 1,
						record.get("Crime ID").strip());
			}
		}
	}

	private static void readCompactRecords(CrimeTally.FileCounts file, CSVParser parser, CrimeTally tally) {
		for (CSVRecord record : parser) {
			long line = record.getRecordNumber() + 1;
			if (record.size() != COMPACT_HEADER.size()) {
				refuse(tally, file.name(), line,
						"Expected " + COMPACT_HEADER.size() + " columns but found " + record.size());
				continue;
			}
			YearMonth month = month(record.get("Month"));
			String force = SpreadsheetText.asTyped(record.get("Reported by").strip());
			String crimeType = SpreadsheetText.asTyped(record.get("Crime type").strip());
			Long count = count(record.get("Count"));
			if (month == null) {
				refuse(tally, file.name(), line,
						"The month \"" + record.get("Month") + "\" is not a month like 2023-04");
			}
			else if (force.isEmpty()) {
				refuse(tally, file.name(), line, "The force that reported the records (Reported by) is missing");
			}
			else if (crimeType.isEmpty()) {
				refuse(tally, file.name(), line, "The crime type is missing");
			}
			else if (count == null) {
				refuse(tally, file.name(), line, "The count \"" + record.get("Count")
						+ "\" is not a whole number from 0 to " + String.format("%,d", Long.MAX_VALUE));
			}
			else {
				add(tally, file, line, force, month, SpreadsheetText.asTyped(record.get("Area").strip()), crimeType,
						count, "");
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

	private static void add(CrimeTally tally, CrimeTally.FileCounts file, long line, String force, YearMonth month,
			String area, String crimeType, long count, String crimeId) {
		String refusal = tally.add(file, force, month, area, crimeType, count, crimeId);
		if (refusal != null) {
			refuse(tally, file.name(), line, refusal);
		}
	}

	private static boolean isBlank(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
		return text.isBlank();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException("Every Java platform has SHA-256", missing);
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
