package uk.opcc.cspgrants.shared.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A bank holidays file in the GOV.UK format
 * ({@code https://www.gov.uk/bank-holidays.json}): for each division
 * ({@code england-and-wales}, {@code scotland}, {@code northern-ireland}) its events,
 * each with a title and a date (and notes such as "Substitute day"). Read whole or
 * refused with the first thing wrong, on the field {@code file}.
 */
public record BankHolidayFile(Map<String, List<Event>> divisions) {

	/** The divisions of the GOV.UK file, in its order. */
	public static final List<String> DIVISIONS = List.of("england-and-wales", "scotland", "northern-ireland");

	/** The names of the divisions for people. */
	public static final Map<String, String> DIVISION_NAMES = Map.of("england-and-wales", "England and Wales",
			"scotland", "Scotland", "northern-ireland", "Northern Ireland");

	/** One bank holiday: "Boxing Day", Monday 28 December 2026, "Substitute day". */
	public record Event(String title, LocalDate date, String notes) {
	}

	/** The events of one division, earliest first. */
	public List<Event> events(String division) {
		return this.divisions.get(division);
	}

	/** The dates of one division's bank holidays. */
	public List<LocalDate> dates(String division) {
		return events(division).stream().map(Event::date).toList();
	}

	/**
	 * Reads a file in the GOV.UK format, or refuses it on the field {@code field} saying
	 * what is wrong: not JSON, a division missing, an event without a title or with a
	 * date that is not a date, the same date twice in a division.
	 */
	public static BankHolidayFile read(JsonMapper json, String text, String field) {
		JsonNode file;
		try {
			file = json.readTree(text);
		}
		catch (JacksonException notJson) {
			throw new ValidationException(field, "The selected file must be a bank holidays file in JSON format");
		}
		if (file == null || !file.isObject()) {
			throw new ValidationException(field,
					"The selected file must be in the GOV.UK bank holidays format, with England and Wales, "
							+ "Scotland and Northern Ireland");
		}
		Map<String, List<Event>> divisions = new LinkedHashMap<>();
		for (String division : DIVISIONS) {
			divisions.put(division, events(file.path(division), DIVISION_NAMES.get(division), field));
		}
		return new BankHolidayFile(Map.copyOf(divisions));
	}

	private static List<Event> events(JsonNode division, String name, String field) {
		JsonNode events = division.path("events");
		if (!events.isArray() || events.isEmpty()) {
			throw new ValidationException(field, "The selected file has no bank holidays for " + name);
		}
		List<Event> read = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		int number = 0;
		for (JsonNode event : events) {
			number++;
			String where = "bank holiday " + number + " of " + name;
			String title = event.path("title").isString() ? event.path("title").asString().strip() : "";
			if (title.isEmpty()) {
				throw new ValidationException(field, "The selected file has no title for " + where);
			}
			LocalDate date = date(event.path("date"), field, where + " (" + title + ")");
			if (!seen.add(date)) {
				throw new ValidationException(field,
						"The selected file has " + date + " twice for " + name + ": each date must appear once");
			}
			String notes = event.path("notes").isString() ? event.path("notes").asString().strip() : "";
			read.add(new Event(title, date, notes));
		}
		read.sort((a, b) -> a.date().compareTo(b.date()));
		return List.copyOf(read);
	}

	private static LocalDate date(JsonNode date, String field, String where) {
		String text = date.isString() ? date.asString() : "";
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text);
			}
		}
		catch (DateTimeParseException notADate) {
			// refused below
		}
		throw new ValidationException(field,
				"The selected file has a date that is not a real date, written as 2024-08-26, for " + where);
	}

}
