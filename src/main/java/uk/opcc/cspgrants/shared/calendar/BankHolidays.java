package uk.opcc.cspgrants.shared.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank holidays working days are counted with: those of one division of the GOV.UK
 * bank holidays file ({@code https://www.gov.uk/bank-holidays.json}), which the
 * application ships as {@code bank-holidays.json}. The division is England and Wales
 * unless {@code csp-grants.bank-holidays.division} names {@code scotland} or
 * {@code northern-ireland}.
 */
@Component
public class BankHolidays {

	private final WorkingDays workingDays;

	BankHolidays(JsonMapper json, @Value("${csp-grants.bank-holidays.division:england-and-wales}") String division) {
		try (InputStream file = new ClassPathResource("bank-holidays.json").getInputStream()) {
			this.workingDays = new WorkingDays(dates(json.readTree(file), division));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The shipped bank holidays file cannot be read", ex);
		}
	}

	/** Working days with the bank holidays in force. */
	public WorkingDays workingDays() {
		return this.workingDays;
	}

	/** The dates of one division of a file in the GOV.UK format. */
	static List<LocalDate> dates(JsonNode file, String division) {
		JsonNode events = file.path(division).path("events");
		if (!events.isArray()) {
			throw new IllegalArgumentException("The bank holidays file has no division called " + division);
		}
		List<LocalDate> dates = new ArrayList<>();
		for (JsonNode event : events) {
			dates.add(LocalDate.parse(event.path("date").asString()));
		}
		return dates;
	}

}
