package uk.opcc.cspgrants.bankholidays;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.calendar.BankHolidayFile;
import uk.opcc.cspgrants.shared.calendar.BankHolidayFile.Event;
import uk.opcc.cspgrants.shared.calendar.BankHolidays;

/**
 * A newer bank holidays file, as an administrator uploads it: read and kept (not yet in
 * force), checked against the file in force for the deployment's division, then
 * confirmed, once. Two administrators who checked files against the same file in force
 * cannot both confirm: the database keeps one successor per file
 * ({@code bank_holiday_file_one_successor}).
 */
@Service
public class BankHolidayUploads {

	static final String FIELD = "file";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final BankHolidays bankHolidays;

	private final AuditTrail audit;

	private final Clock clock;

	BankHolidayUploads(JdbcClient jdbc, JsonMapper json, BankHolidays bankHolidays, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.bankHolidays = bankHolidays;
		this.audit = audit;
		this.clock = clock;
	}

	/** What confirming an uploaded file would change for the division in force. */
	public record Check(long id, String fileName, String uploadedBy, Instant uploadedAt, List<Event> added,
			List<Event> removed, boolean outOfDate) {

		public boolean changesNothing() {
			return this.added.isEmpty() && this.removed.isEmpty();
		}

	}

	/**
	 * Reads and keeps an uploaded file, not yet in force; refused on the field
	 * {@code file} when it is empty or not a GOV.UK bank holidays file.
	 * @return the id of the kept file, to check and confirm
	 */
	@Transactional
	public long upload(String fileName, byte[] content, CurrentUser user) {
		if (content == null || content.length == 0) {
			throw new ValidationException(FIELD, "The selected file is empty");
		}
		String text = utf8(content);
		BankHolidayFile.read(this.json, text, FIELD);
		long inForce = this.bankHolidays.inForce().id();
		return this.jdbc.sql("""
				insert into bank_holiday_file (content, file_name, replaces, uploaded_by, uploaded_by_name, uploaded_at)
				values (:content, :fileName, :replaces, :username, :name, :at) returning id
				""")
			.param("content", text)
			.param("fileName", name(fileName))
			.param("replaces", inForce)
			.param("username", user.getUsername())
			.param("name", user.displayName())
			.param("at", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/** What an uploaded file, not yet confirmed, changes. */
	@Transactional(readOnly = true)
	public Check check(long id) {
		Waiting waiting = waiting(id);
		if (waiting.confirmed()) {
			throw new NotFoundException("No uploaded bank holidays file waits to be confirmed");
		}
		return check(id, waiting);
	}

	private Check check(long id, Waiting waiting) {
		BankHolidays.InForce inForce = this.bankHolidays.inForce();
		String division = this.bankHolidays.division();
		List<Event> now = inForce.file().events(division);
		List<Event> then = BankHolidayFile.read(this.json, waiting.content(), FIELD).events(division);
		return new Check(id, waiting.fileName(), waiting.uploadedBy(), waiting.uploadedAt(), notIn(then, now),
				notIn(now, then), waiting.replaces() != inForce.id());
	}

	/**
	 * Puts an uploaded file in force, audited; a conflict when it is already in force, or
	 * when another file was put in force after it was uploaded.
	 */
	@Transactional
	public Check confirm(long id, CurrentUser user) {
		Waiting waiting = waiting(id);
		if (waiting.confirmed()) {
			throw alreadyInForce();
		}
		Check check = check(id, waiting);
		int confirmed;
		try {
			confirmed = this.jdbc.sql("""
					update bank_holiday_file set confirmed_by = :username, confirmed_by_name = :name, confirmed_at = :at
					where id = :id and confirmed_at is null
					""")
				.param("username", user.getUsername())
				.param("name", user.displayName())
				.param("at", Timestamp.from(this.clock.instant()))
				.param("id", id)
				.update();
		}
		catch (DataIntegrityViolationException newerInForce) {
			throw outOfDate();
		}
		if (confirmed == 0) {
			throw alreadyInForce();
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("file", check.fileName());
		after.put("added", dates(check.added()));
		after.put("removed", dates(check.removed()));
		this.audit.record("CONFIRM", "BankHolidayFile", id, null, after);
		return check;
	}

	private static ConflictException alreadyInForce() {
		return new ConflictException(null, "These bank holidays are already in force: someone confirmed them first.");
	}

	private static ConflictException outOfDate() {
		return new ConflictException(null, "Someone else put a newer bank holidays file in force after you uploaded "
				+ "this one. Upload your file again to see what it changes now.");
	}

	private Waiting waiting(long id) {
		return this.jdbc.sql("""
				select content, file_name, replaces, uploaded_by_name, uploaded_at, confirmed_at
				from bank_holiday_file where id = :id
				""")
			.param("id", id)
			.query((row, n) -> new Waiting(row.getString("content"), row.getString("file_name"),
					row.getLong("replaces"), row.getString("uploaded_by_name"),
					row.getTimestamp("uploaded_at").toInstant(), row.getTimestamp("confirmed_at") != null))
			.optional()
			.orElseThrow(() -> new NotFoundException("No uploaded bank holidays file waits to be confirmed"));
	}

	private record Waiting(String content, String fileName, long replaces, String uploadedBy, Instant uploadedAt,
			boolean confirmed) {
	}

	private static List<Event> notIn(List<Event> events, List<Event> others) {
		Set<LocalDate> dates = others.stream().map(Event::date).collect(Collectors.toSet());
		return events.stream().filter(event -> !dates.contains(event.date())).toList();
	}

	private static List<String> dates(List<Event> events) {
		return events.stream().map(event -> event.date().toString()).toList();
	}

	private static String name(String fileName) {
		String name = (fileName == null || fileName.isBlank()) ? "bank-holidays.json" : fileName.strip();
		return (name.length() > 255) ? name.substring(0, 255) : name;
	}

	private static String utf8(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException notText) {
			throw new ValidationException(FIELD, "The selected file must be a bank holidays file in JSON format");
		}
	}

}
