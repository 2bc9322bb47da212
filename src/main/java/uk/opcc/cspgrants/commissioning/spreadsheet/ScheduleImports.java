package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.commissioning.AwardLineDraft;
import uk.opcc.cspgrants.commissioning.AwardScheduleManagement;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.FundingStreams;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.ScheduleStatus;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.commissioning.spreadsheet.ImportReading.ReadLine;
import uk.opcc.cspgrants.organisations.OrganisationDirectory;
import uk.opcc.cspgrants.organisations.OrganisationManagement;
import uk.opcc.cspgrants.organisations.OrganisationNames;
import uk.opcc.cspgrants.organisations.OrganisationView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Imports a year's award schedule from a spreadsheet in two steps: the upload is read
 * (refused on the file field when it is not the schedule's layout) and kept; the check
 * page shows what each line becomes and where the printed table does not add up; the
 * officer's confirmation makes the recipients that are not recorded yet, opens the year's
 * schedule if it has none, and replaces its lines with the imported ones, all in one
 * transaction and once: the confirmation is marked on the kept upload only while it is
 * unconfirmed, so a second confirmation is refused with who confirmed it.
 */
@Service
public class ScheduleImports {

	private final JdbcClient jdbc;

	private final FundingStreams streams;

	private final PlanThemes themes;

	private final AwardSchedules schedules;

	private final AwardScheduleManagement management;

	private final OrganisationDirectory directory;

	private final OrganisationManagement organisations;

	private final AuditTrail auditTrail;

	private final Clock clock;

	ScheduleImports(JdbcClient jdbc, FundingStreams streams, PlanThemes themes, AwardSchedules schedules,
			AwardScheduleManagement management, OrganisationDirectory directory, OrganisationManagement organisations,
			AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.streams = streams;
		this.themes = themes;
		this.schedules = schedules;
		this.management = management;
		this.directory = directory;
		this.organisations = organisations;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Reads and keeps an uploaded file; refused on {@code file} when it cannot be
	 * imported.
	 */
	@Transactional
	public long upload(FinancialYear year, String fileName, byte[] content, CurrentUser user) {
		if (fileName == null || fileName.isBlank()) {
			throw new ValidationException("file", "Choose the schedule's spreadsheet (.xlsx or .csv)");
		}
		ScheduleSheet sheet = ScheduleSheet.of(SheetReader.read(fileName, content));
		if (sheet.lines().isEmpty()) {
			throw new ValidationException("file", fileName + " has headings and totals but no award lines");
		}
		for (ScheduleSheet.Line line : sheet.lines()) {
			SheetRow row = line.row();
			for (SheetRow.Column column : SheetRow.Column.values()) {
				Money amount = row.amount(column);
				if (amount != null && amount.isNegative()) {
					throw new ValidationException("file",
							fileName + ", row " + row.number() + " (" + SheetReader.shortened(row.label())
									+ "): an award cannot be negative (" + column.label() + " " + amount.format()
									+ ")");
				}
			}
		}
		String name = (fileName.length() > 255) ? fileName.substring(0, 255) : fileName;
		long id = this.jdbc
			.sql("insert into schedule_import (financial_year, file_name, content, sha256, uploaded_by, uploaded_at) "
					+ "values (?, ?, ?, ?, ?, ?) returning id")
			.params(year.startYear(), name, content, sha256(content), user.displayName(),
					Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("year", year.toString());
		after.put("file", name);
		after.put("lines", sheet.lines().size());
		this.auditTrail.record("UPLOAD", "ScheduleImport", id, null, after);
		return id;
	}

	/** What an upload holds and what importing it would make. */
	@Transactional(readOnly = true)
	public ImportCheck check(FinancialYear year, long id) {
		Upload upload = upload(year, id);
		ScheduleSheet sheet = ScheduleSheet.of(SheetReader.read(upload.fileName(), upload.content()));
		List<FundingStreamView> yearStreams = this.streams.streams(year);
		List<ThemeView> yearThemes = this.themes.themes(year);
		ImportReading reading = ImportReading.of(sheet, year, yearThemes, yearStreams, this.directory.all());
		return new ImportCheck(upload, reading, ScheduleReconciliation.of(sheet), yearStreams, yearThemes,
				this.schedules.schedule(year));
	}

	/**
	 * Imports the lines with the officer's choices, once. Returns the schedule as it now
	 * is.
	 */
	@Transactional
	public ScheduleView confirm(FinancialYear year, long id, ImportChoices choices, CurrentUser user) {
		ImportCheck check = check(year, id);
		if (check.upload().confirmedAt() != null) {
			throw alreadyConfirmed(check.upload());
		}
		List<ReadLine> lines = check.reading().lines();
		Map<String, String> errors = new LinkedHashMap<>();
		if (check.streams().isEmpty()) {
			errors.put("form", "The year " + year + " has no funding streams: add them before importing its schedule");
		}
		if (check.themes().isEmpty()) {
			errors.merge("form", "The year " + year + " has no Police and Crime Plan: adopt one before importing",
					(first, second) -> first + ". " + second);
		}
		Set<Long> streamIds = check.streams().stream().map(FundingStreamView::id).collect(Collectors.toSet());
		Set<Long> themeIds = check.themes().stream().map(ThemeView::id).collect(Collectors.toSet());
		List<Long> chosenStreams = new ArrayList<>();
		for (ImportReading.SectionChoice section : check.reading().sections()) {
			Long stream = at(choices.getStreams(), section.index());
			if (stream == null || !streamIds.contains(stream)) {
				errors.put("stream-" + section.index(), "Choose the stream that pays for " + section.name());
			}
			chosenStreams.add(stream);
		}
		List<Long> chosenThemes = new ArrayList<>();
		List<String> chosenNames = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			ReadLine line = lines.get(i);
			String name = at(choices.getRecipients(), i);
			name = (name == null) ? "" : name.strip();
			if (name.isEmpty()) {
				errors.put("recipient-" + i,
						"Enter the recipient of row " + line.row() + " (" + SheetReader.shortened(line.label()) + ")");
			}
			else if (name.length() > 300) {
				errors.put("recipient-" + i, "The recipient of row " + line.row() + " must be 300 characters or fewer");
			}
			chosenNames.add(name);
			Long theme = at(choices.getThemes(), i);
			if (theme == null || !themeIds.contains(theme)) {
				errors.put("theme-" + i, "Choose the Police and Crime Plan theme of row " + line.row() + " ("
						+ SheetReader.shortened(line.label()) + ")");
			}
			chosenThemes.add(theme);
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		Instant now = this.clock.instant();
		int marked = this.jdbc
			.sql("update schedule_import set confirmed_by = ?, confirmed_at = ?, lines_imported = ? "
					+ "where id = ? and financial_year = ? and confirmed_at is null")
			.params(user.displayName(), Timestamp.from(now), lines.size(), id, year.startYear())
			.update();
		if (marked == 0) {
			throw alreadyConfirmed(upload(year, id));
		}
		Long current = check.current().map(ScheduleView::version).orElse(null);
		if (!Objects.equals(current, choices.getScheduleVersion())) {
			throw new ConflictException(null, "The " + year + " schedule has changed since this check page was "
					+ "shown, and confirming replaces its lines: look at the schedule, then check the import again");
		}
		Map<String, Long> organisationIds = new HashMap<>();
		for (OrganisationView organisation : this.directory.all()) {
			organisationIds.putIfAbsent(OrganisationNames.key(organisation.name()), organisation.id());
		}
		List<Long> recipients = new ArrayList<>();
		for (String name : chosenNames) {
			Long organisation = organisationIds.computeIfAbsent(OrganisationNames.key(name),
					(key) -> this.organisations.findOrCreateByName(name, ImportReading.typeOf(name), user).id());
			recipients.add(organisation);
		}
		ScheduleView schedule = check.current()
			.orElseGet(() -> this.management.open(year, "Police and Crime Commissioner funding allocations for " + year,
					BigDecimal.ZERO, user));
		if (schedule.status() != ScheduleStatus.DRAFT) {
			throw new ConflictException(null, "The " + year + " schedule is " + schedule.status().label().toLowerCase()
					+ ": only a draft schedule can be replaced by an import");
		}
		List<AwardLineDraft> drafts = check.reading().drafts(recipients, chosenThemes, chosenStreams);
		ScheduleView imported = this.management.importLines(year, schedule.version(), drafts, user);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("year", year.toString());
		after.put("file", check.upload().fileName());
		after.put("lines", drafts.size());
		after.put("total",
				drafts.stream()
					.flatMap(draft -> draft.periods().stream())
					.map(AwardLineDraft.PeriodDraft::amount)
					.reduce(Money.ZERO, Money::plus)
					.amount()
					.toPlainString());
		after.put("schedule", imported.id());
		this.auditTrail.record("CONFIRM", "ScheduleImport", id, null, after);
		return imported;
	}

	private ConflictException alreadyConfirmed(Upload upload) {
		return new ConflictException(null,
				"This import was already confirmed by " + upload.confirmedBy() + " on "
						+ Dates.dayAndTime(upload.confirmedAt()) + ": its " + upload.linesImported()
						+ " lines are in the schedule. Upload the file again to import it again.");
	}

	private static <T> T at(List<T> values, int index) {
		return (values != null && index < values.size()) ? values.get(index) : null;
	}

	private Upload upload(FinancialYear year, long id) {
		Optional<Upload> upload = this.jdbc
			.sql("select id, financial_year, file_name, content, sha256, uploaded_by, uploaded_at, confirmed_by, "
					+ "confirmed_at, lines_imported from schedule_import where id = ? and financial_year = ?")
			.params(id, year.startYear())
			.query((rs, row) -> new Upload(rs.getLong(1), new FinancialYear(rs.getInt(2)), rs.getString(3),
					rs.getBytes(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
					(rs.getTimestamp(9) != null) ? rs.getTimestamp(9).toInstant() : null,
					rs.getObject(10, Integer.class)))
			.optional();
		return upload.orElseThrow(() -> new NotFoundException("There is no import " + id + " for " + year));
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/**
	 * An uploaded file.
	 *
	 * @param id the upload's id
	 * @param year the year it is for
	 * @param fileName the file's name
	 * @param content what was uploaded
	 * @param sha256 its SHA-256
	 * @param uploadedBy who uploaded it
	 * @param uploadedAt when
	 * @param confirmedBy who confirmed it, if anyone
	 * @param confirmedAt when
	 * @param linesImported how many lines it imported
	 */
	public record Upload(long id, FinancialYear year, String fileName, byte[] content, String sha256, String uploadedBy,
			Instant uploadedAt, String confirmedBy, Instant confirmedAt, Integer linesImported) {
	}

	/**
	 * What the check page shows.
	 *
	 * @param upload the upload
	 * @param reading what each line becomes
	 * @param reconciliation what adds up and what does not
	 * @param streams the year's funding streams
	 * @param themes the year's plan themes
	 * @param current the year's schedule, if it has one
	 */
	public record ImportCheck(Upload upload, ImportReading reading, ScheduleReconciliation reconciliation,
			List<FundingStreamView> streams, List<ThemeView> themes, Optional<ScheduleView> current) {

		public Money total() {
			return this.reading.lines().stream().map(ReadLine::total).reduce(Money.ZERO, Money::plus);
		}

		public Money streamsTotal() {
			return this.streams.stream().map(FundingStreamView::amount).reduce(Money.ZERO, Money::plus);
		}

		public String streamName(Long id) {
			return this.streams.stream()
				.filter(stream -> id != null && stream.id() == id)
				.map(FundingStreamView::name)
				.findFirst()
				.orElse("None");
		}

	}

}
