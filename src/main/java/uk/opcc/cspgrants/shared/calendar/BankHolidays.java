package uk.opcc.cspgrants.shared.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.shared.DataVersions;

/**
 * The bank holidays working days are counted with: those of one division of a GOV.UK bank
 * holidays file ({@code https://www.gov.uk/bank-holidays.json}). The division is England
 * and Wales unless {@code csp-grants.bank-holidays.division} names {@code scotland} or
 * {@code northern-ireland}. The file is the newest one an administrator uploaded and
 * confirmed (table {@code bank_holiday_file}), else the one the application ships
 * ({@code bank-holidays.json}); which one is read through {@link DataVersions}, so a new
 * file is in force at once on the node that stored it and on the others within the max
 * age.
 */
@Component
public class BankHolidays {

	private static final String VERSION = "bank-holidays";

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final DataVersions versions;

	private final String division;

	private final Loaded shipped;

	private volatile Loaded current;

	BankHolidays(JsonMapper json, JdbcClient jdbc, DataVersions versions,
			@Value("${csp-grants.bank-holidays.division:england-and-wales}") String division) {
		if (!BankHolidayFile.DIVISIONS.contains(division)) {
			throw new IllegalArgumentException("csp-grants.bank-holidays.division must be one of "
					+ BankHolidayFile.DIVISIONS + ", not " + division);
		}
		this.json = json;
		this.jdbc = jdbc;
		this.versions = versions;
		this.division = division;
		this.shipped = load(new InForce(0, BankHolidayFile.read(json, shippedText(), "file"), Optional.empty()));
		this.current = this.shipped;
	}

	/** Working days with the bank holidays in force. */
	public WorkingDays workingDays() {
		return loaded().workingDays();
	}

	/** The division whose bank holidays count: {@code england-and-wales}, ... */
	public String division() {
		return this.division;
	}

	/** The file in force and where it came from. */
	public InForce inForce() {
		return loaded().inForce();
	}

	private Loaded loaded() {
		long version = Long.parseLong(this.versions.of(VERSION, this::newestId));
		Loaded kept = this.current;
		if (kept.inForce().id() == version) {
			return kept;
		}
		Loaded read = (version == 0) ? this.shipped : load(stored(version));
		this.current = read;
		return read;
	}

	private Loaded load(InForce inForce) {
		return new Loaded(inForce, new WorkingDays(inForce.file().dates(this.division)));
	}

	private String newestId() {
		return String
			.valueOf(this.jdbc.sql("select coalesce(max(id), 0) from bank_holiday_file where confirmed_at is not null")
				.query(Long.class)
				.single());
	}

	private InForce stored(long id) {
		return this.jdbc.sql("""
				select content, file_name, confirmed_by_name, confirmed_at from bank_holiday_file where id = :id
				""").param("id", id).query((row, n) -> {
			BankHolidayFile file = BankHolidayFile.read(this.json, row.getString("content"), "file");
			Upload upload = new Upload(row.getString("file_name"), row.getString("confirmed_by_name"),
					row.getTimestamp("confirmed_at").toInstant());
			return new InForce(id, file, Optional.of(upload));
		}).single();
	}

	private static String shippedText() {
		try (InputStream file = new ClassPathResource("bank-holidays.json").getInputStream()) {
			return new String(file.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The shipped bank holidays file cannot be read", ex);
		}
	}

	/**
	 * A bank holidays file in force: its id ({@code 0} for the shipped file), its
	 * contents, and who uploaded it and when (empty for the shipped file).
	 */
	public record InForce(long id, BankHolidayFile file, Optional<Upload> upload) {
	}

	/** Who put a file in force and when. */
	public record Upload(String fileName, String by, Instant at) {
	}

	private record Loaded(InForce inForce, WorkingDays workingDays) {
	}

}
