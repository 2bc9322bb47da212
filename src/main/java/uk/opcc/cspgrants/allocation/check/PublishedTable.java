package uk.opcc.cspgrants.allocation.check;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;

/**
 * A published allocation table as a person types it, pastes it from a spreadsheet or a
 * PDF, or uploads it as CSV: one partnership a line, its name (or another name it goes
 * by, or its code) then its amount, e.g. {@code Charnwood £13,702.99},
 * {@code Charnwood<tab>13702.99} or {@code "Charnwood","£13,702.99"}. A first line with
 * no figures is a heading and is skipped. Plain Java.
 */
public final class PublishedTable {

	/** The most lines read: far more partnerships than any force area has. */
	static final int MAX_LINES = 500;

	/** A name, then a separator, then an amount at the end of the line. */
	private static final Pattern LINE = Pattern
		.compile("^(?<name>.*?[^\\s,;:\\t])[\\s,;:\\t]+\"?(?<amount>-?\\s*£?\\s*-?[0-9][0-9,. ]*)\"?$");

	private static final Pattern PARENTHESES = Pattern.compile("\\s*\\(([^)]*)\\)\\s*$");

	/**
	 * One line of the table.
	 *
	 * @param code the partnership's code
	 * @param name the partnership's name
	 * @param amount what was published for it
	 */
	public record Entry(String code, String name, Money amount) {

	}

	/** A partnership the table can name. */
	public record Known(String code, String name) {

	}

	private PublishedTable() {
	}

	/**
	 * Reads the table.
	 * @param text the lines
	 * @param find a partnership by its name, another name or its code (ignoring case)
	 * @return the entries in the order typed
	 * @throws TableException naming every line that cannot be read
	 */
	public static List<Entry> parse(String text, Function<String, Optional<Known>> find) {
		if (text == null || text.isBlank()) {
			throw new TableException("Enter the published table: one partnership a line with its amount");
		}
		String[] lines = text.strip().split("\\R");
		if (lines.length > MAX_LINES) {
			throw new TableException("Enter at most " + MAX_LINES + " lines");
		}
		List<String> problems = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String line = clean(lines[i]);
			if (line.isEmpty() || (i == 0 && !line.matches(".*[0-9].*"))) {
				continue;
			}
			int number = i + 1;
			Matcher matcher = LINE.matcher(line);
			if (!matcher.matches()) {
				problems.add("Line " + number + ": enter a partnership and its amount, like Charnwood £13,702.99");
				continue;
			}
			String name = unquote(matcher.group("name"));
			Optional<Known> partnership = lookUp(name, find);
			Money amount = null;
			try {
				amount = Money.parse(unquote(matcher.group("amount")));
				if (amount.isNegative()) {
					problems.add("Line " + number + ": the amount for " + name + " cannot be negative");
					amount = null;
				}
			}
			catch (InvalidMoneyException notMoney) {
				problems.add("Line " + number + " (" + name + "): " + lowerFirst(notMoney.getMessage()));
			}
			if (partnership.isEmpty()) {
				problems.add("Line " + number + ": there is no partnership called " + name);
				continue;
			}
			Integer first = seen.putIfAbsent(partnership.get().code(), number);
			if (first != null) {
				problems.add("Line " + number + ": " + partnership.get().name() + " is on line " + first + " already");
				continue;
			}
			if (amount != null) {
				entries.add(new Entry(partnership.get().code(), partnership.get().name(), amount));
			}
		}
		if (!problems.isEmpty()) {
			throw new TableException(String.join("; ", problems));
		}
		if (entries.isEmpty()) {
			throw new TableException("Enter the published table: one partnership a line with its amount");
		}
		return entries;
	}

	/**
	 * An uploaded CSV file as lines of the table: each row's first column is the
	 * partnership and its last filled column the amount.
	 * @throws TableException if the file is not CSV
	 */
	public static String fromCsv(String csv) {
		StringBuilder text = new StringBuilder();
		try {
			List<CSVRecord> records = CSVFormat.DEFAULT.builder()
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get()
				.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))
				.getRecords();
			if (records.size() > MAX_LINES) {
				throw new TableException("The file has more than " + MAX_LINES + " rows");
			}
			for (CSVRecord record : records) {
				String last = "";
				for (int c = record.size() - 1; c > 0; c--) {
					if (!record.get(c).isBlank()) {
						last = record.get(c);
						break;
					}
				}
				text.append(record.get(0)).append('\t').append(last).append('\n');
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException notCsv) {
			throw new TableException(
					"The file could not be read as CSV: save it as CSV (comma separated) and try again");
		}
		return text.toString();
	}

	private static Optional<Known> lookUp(String name, Function<String, Optional<Known>> find) {
		Optional<Known> found = find.apply(name);
		Matcher parentheses = PARENTHESES.matcher(name);
		if (found.isEmpty() && parentheses.find()) {
			String without = name.substring(0, parentheses.start()).strip();
			found = without.isEmpty() ? Optional.empty() : find.apply(without);
			if (found.isEmpty()) {
				found = find.apply(parentheses.group(1).strip());
			}
		}
		return found;
	}

	private static String clean(String line) {
		return line.replace('\u00a0', ' ').replace("\uFEFF", "").strip();
	}

	private static String unquote(String text) {
		String stripped = text.strip();
		if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
			stripped = stripped.substring(1, stripped.length() - 1).strip();
		}
		return stripped;
	}

	private static String lowerFirst(String message) {
		return message.isEmpty() ? message : message.substring(0, 1).toLowerCase(Locale.UK) + message.substring(1);
	}

	/** The table cannot be read; the message names each line that is wrong. */
	public static class TableException extends RuntimeException {

		public TableException(String message) {
			super(message);
		}

	}

}
