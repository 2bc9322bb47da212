package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The award schedule of a year with its lines. Every change goes through a method here,
 * which checks the rules and moves the schedule's version on, so two officers changing
 * one schedule at once meet at the version: one wins, the other is told.
 * <p>
 * The rules: only a draft changes; a line may replace one other line of the same
 * schedule, and each line is replaced once at most (the replaced line stays, struck
 * through, and is never counted); a line that another replaces cannot be removed until
 * its replacement is; the schedule goes to a decision only when every counted line has
 * what its purchasing route needs (a business case, a contract or a grant round
 * reference), and then waits, unchanged, until the record is decided or sent back.
 */
@Entity
@Table(name = "award_schedule")
class AwardSchedule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "financial_year", nullable = false, updatable = false)
	private int financialYear;

	@Column(nullable = false)
	private String title;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ScheduleStatus status;

	@Column(name = "tolerance_percent", nullable = false)
	private BigDecimal tolerancePercent;

	@Column(name = "decision_reference")
	private String decisionReference;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	@OneToMany(mappedBy = "schedule", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<AwardLine> lines = new ArrayList<>();

	protected AwardSchedule() {
	}

	AwardSchedule(FinancialYear year, String title, BigDecimal tolerancePercent, Instant now) {
		this.financialYear = year.startYear();
		this.title = checkedTitle(title);
		this.tolerancePercent = checkedTolerance(tolerancePercent);
		this.status = ScheduleStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static String checkedTitle(String title) {
		String text = LineDetails.text(title);
		if (text == null) {
			throw new ValidationException("title", "Enter the schedule's title");
		}
		if (text.length() > 300) {
			throw new ValidationException("title", "The title must be 300 characters or fewer");
		}
		return text;
	}

	static BigDecimal checkedTolerance(BigDecimal tolerance) {
		if (tolerance == null) {
			throw new ValidationException("tolerancePercent", "Enter the tolerance as a percentage, like 10");
		}
		if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.valueOf(25)) > 0) {
			throw new ValidationException("tolerancePercent", "The tolerance must be between 0% and 25%");
		}
		if (tolerance.stripTrailingZeros().scale() > 2) {
			throw new ValidationException("tolerancePercent",
					"The tolerance can have no more than 2 decimal places, like 7.5");
		}
		return tolerance.setScale(2);
	}

	Long id() {
		return this.id;
	}

	FinancialYear year() {
		return new FinancialYear(this.financialYear);
	}

	long version() {
		return this.version;
	}

	ScheduleStatus status() {
		return this.status;
	}

	BigDecimal tolerancePercent() {
		return this.tolerancePercent;
	}

	String decisionReference() {
		return this.decisionReference;
	}

	List<AwardLine> lines() {
		return List.copyOf(this.lines);
	}

	/** Refuses a change when the schedule is not a draft, saying where it is. */
	void expectDraft() {
		if (this.status == ScheduleStatus.IN_DECISION) {
			throw new ConflictException(null, "The schedule is attached to decision record " + this.decisionReference
					+ " and cannot change until the record is decided or sent back");
		}
		if (this.status == ScheduleStatus.DECIDED) {
			throw new ConflictException(null, "The schedule was decided in decision record " + this.decisionReference
					+ " and cannot change; a later change needs a new decision");
		}
	}

	AwardLine line(long lineId) {
		return this.lines.stream()
			.filter(line -> Objects.equals(line.id(), lineId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no line " + lineId + " in the " + year() + " schedule"));
	}

	Optional<AwardLine> replacementOf(long lineId) {
		return this.lines.stream().filter(line -> Objects.equals(line.replacesLineId(), lineId)).findFirst();
	}

	/** The lines the totals count: every line no other line replaces. */
	List<AwardLine> countedLines() {
		Set<Long> replaced = new HashSet<>();
		this.lines.forEach(line -> {
			if (line.replacesLineId() != null) {
				replaced.add(line.replacesLineId());
			}
		});
		return this.lines.stream().filter(line -> !replaced.contains(line.id())).toList();
	}

	/** What the counted lines take from each stream. */
	Map<Long, Money> countedByStream() {
		Map<Long, Money> byStream = new HashMap<>();
		countedLines().forEach(line -> byStream.merge(line.streamId(), line.total(), Money::plus));
		return byStream;
	}

	AwardLine addLine(LineDetails details, Long replacesLineId, String by, Instant at) {
		expectDraft();
		checkReplacement(null, replacesLineId);
		int position = this.lines.stream().mapToInt(AwardLine::position).max().orElse(0) + 1;
		AwardLine line = new AwardLine(this, position, details, by, at);
		line.replaces(replacesLineId);
		this.lines.add(line);
		touch(at);
		return line;
	}

	AwardLine changeLine(long lineId, LineDetails details, Long replacesLineId, Instant at) {
		expectDraft();
		AwardLine line = undecided(line(lineId));
		checkReplacement(lineId, replacesLineId);
		line.apply(details);
		line.replaces(replacesLineId);
		touch(at);
		return line;
	}

	/** The line, refused when a decision made it: such a line stays as decided. */
	private static AwardLine undecided(AwardLine line) {
		if (line.decidedBy() != null) {
			throw new ConflictException(null, "\"" + line.initiative() + "\" was made by decision " + line.decidedBy()
					+ " from a grant round: it stays as decided");
		}
		return line;
	}

	AwardLine removeLine(long lineId, Instant at) {
		expectDraft();
		AwardLine line = undecided(line(lineId));
		Optional<AwardLine> replacement = replacementOf(lineId);
		if (replacement.isPresent()) {
			throw new ConflictException(null, "This line is replaced by \"" + replacement.get().initiative()
					+ "\": remove that line, or change it so that it replaces nothing, first");
		}
		this.lines.remove(line);
		touch(at);
		return line;
	}

	/**
	 * Clears every line, ready for an import; the caller saves this before adding the
	 * imported lines so that their positions are free.
	 */
	void clearLines(Instant at) {
		expectDraft();
		this.lines.stream().filter(line -> line.decidedBy() != null).findFirst().ifPresent(decided -> {
			throw new ConflictException("file",
					"The " + year() + " schedule has lines that decision " + decided.decidedBy()
							+ " made from a grant round: an import would remove them. Change the other lines one by "
							+ "one instead");
		});
		this.lines.clear();
		touch(at);
	}

	/**
	 * Makes every line replace nothing: saved before {@link #clearLines} so that the
	 * lines can be deleted in any order.
	 */
	void clearReplacements() {
		this.lines.forEach(line -> line.replaces(null));
	}

	/**
	 * A line (or a new one, {@code lineId} null) may replace one other line of this
	 * schedule that no other line replaces, and never itself, directly or through a chain
	 * of replacements.
	 */
	private void checkReplacement(Long lineId, Long replacesLineId) {
		if (replacesLineId == null) {
			return;
		}
		if (replacesLineId.equals(lineId)) {
			throw new ValidationException("replacesLineId", "A line cannot replace itself");
		}
		AwardLine target = this.lines.stream()
			.filter(line -> replacesLineId.equals(line.id()))
			.findFirst()
			.orElseThrow(() -> new ValidationException("replacesLineId", "Choose a line of this schedule to replace"));
		Optional<AwardLine> other = replacementOf(replacesLineId);
		if (other.isPresent() && !Objects.equals(other.get().id(), lineId)) {
			throw new ValidationException("replacesLineId",
					"\"" + target.initiative() + "\" is already replaced by \"" + other.get().initiative() + "\"");
		}
		Long next = target.replacesLineId();
		int steps = 0;
		while (next != null && lineId != null && steps++ <= this.lines.size()) {
			if (next.equals(lineId)) {
				throw new ValidationException("replacesLineId",
						"\"" + target.initiative() + "\" already replaces this line, directly or through others");
			}
			Long current = next;
			next = this.lines.stream()
				.filter(line -> current.equals(line.id()))
				.findFirst()
				.map(AwardLine::replacesLineId)
				.orElse(null);
		}
	}

	/**
	 * Adds the imported lines in their order, positions 1, 2, 3…; their replacements, by
	 * position in the import, are set by {@link #linkImportedReplacements} once the lines
	 * have ids.
	 */
	List<AwardLine> addImported(List<LineDetails> imported, String by, Instant at) {
		expectDraft();
		List<AwardLine> added = new ArrayList<>();
		for (int i = 0; i < imported.size(); i++) {
			AwardLine line = new AwardLine(this, i + 1, imported.get(i), by, at);
			this.lines.add(line);
			added.add(line);
		}
		touch(at);
		return added;
	}

	/**
	 * Checks the replacements an import gives by position (1 for its first line) and
	 * returns them, by the position of the line that replaces, before anything is saved.
	 */
	static Map<Integer, Integer> importedReplacements(List<Integer> replacesPositions) {
		Map<Integer, Integer> replacements = new LinkedHashMap<>();
		Set<Integer> replaced = new HashSet<>();
		int count = replacesPositions.size();
		for (int i = 0; i < count; i++) {
			Integer target = replacesPositions.get(i);
			if (target == null) {
				continue;
			}
			int position = i + 1;
			String line = "Line " + position;
			if (target < 1 || target > count) {
				throw new ValidationException("lines",
						line + " replaces line " + target + ", which is not in the import");
			}
			if (target == position) {
				throw new ValidationException("lines", line + " cannot replace itself");
			}
			if (!replaced.add(target)) {
				throw new ValidationException("lines", "Line " + target + " is replaced by more than one line");
			}
			replacements.put(position, target);
		}
		for (Integer start : replacements.keySet()) {
			Integer next = replacements.get(start);
			int steps = 0;
			while (next != null && steps++ <= count) {
				if (next.equals(start)) {
					throw new ValidationException("lines", "Line " + start + " replaces itself through other lines");
				}
				next = replacements.get(next);
			}
		}
		return replacements;
	}

	void linkImportedReplacements(List<AwardLine> added, Map<Integer, Integer> replacements) {
		replacements.forEach((position, target) -> added.get(position - 1).replaces(added.get(target - 1).id()));
	}

	void setTolerance(BigDecimal tolerance, Instant at) {
		expectDraft();
		this.tolerancePercent = checkedTolerance(tolerance);
		touch(at);
	}

	/**
	 * What the counted lines lack before the schedule can go to a decision, line by line,
	 * in the schedule's order: the route decides what each needs.
	 */
	List<String> missingForDecision(Map<Long, String> organisationNames) {
		List<String> missing = new ArrayList<>();
		for (AwardLine line : countedLines()) {
			String needed = line.route().missing(line.businessCaseRef(), line.contractRef(), line.roundRef());
			if (needed != null) {
				missing.add("Line " + line.position() + ", " + organisationNames.getOrDefault(line.organisationId(), "")
						+ " – " + line.initiative() + ": " + line.route().label() + " needs " + needed);
			}
		}
		return missing;
	}

	void attach(String reference, Map<Long, String> organisationNames, Instant at) {
		expectDraft();
		String text = LineDetails.text(reference);
		if (text == null || text.length() > 20) {
			throw new ValidationException("decisionReference",
					"Enter the decision record's reference, 20 characters or fewer");
		}
		if (this.lines.isEmpty()) {
			throw new ValidationException("lines", "The schedule has no lines to decide");
		}
		List<String> missing = missingForDecision(organisationNames);
		if (!missing.isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (int i = 0; i < missing.size(); i++) {
				errors.put("lines-" + i, missing.get(i));
			}
			throw new ValidationException(errors);
		}
		this.status = ScheduleStatus.IN_DECISION;
		this.decisionReference = text;
		touch(at);
	}

	/** The record was sent back: a draft again. False when it was not attached to it. */
	boolean detach(String reference, Instant at) {
		if (this.status != ScheduleStatus.IN_DECISION || !Objects.equals(this.decisionReference, reference)) {
			return false;
		}
		this.status = ScheduleStatus.DRAFT;
		this.decisionReference = null;
		touch(at);
		return true;
	}

	/** The record was decided. False when that had already been recorded. */
	boolean decide(String reference, Instant at) {
		if (this.status == ScheduleStatus.DECIDED && Objects.equals(this.decisionReference, reference)) {
			return false;
		}
		if (this.status != ScheduleStatus.IN_DECISION || !Objects.equals(this.decisionReference, reference)) {
			throw new ConflictException(null, "The " + year() + " schedule is not attached to decision record "
					+ reference + " (it is " + this.status.label().toLowerCase() + ")");
		}
		this.status = ScheduleStatus.DECIDED;
		touch(at);
		return true;
	}

	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("year", year().toString());
		snapshot.put("title", this.title);
		snapshot.put("status", this.status.name());
		snapshot.put("tolerancePercent", this.tolerancePercent.toPlainString());
		snapshot.put("decisionReference", this.decisionReference);
		snapshot.put("awardLines", this.lines.size());
		snapshot.put("total", countedLines().stream().map(AwardLine::total).reduce(Money.ZERO, Money::plus).toString());
		return snapshot;
	}

	/**
	 * Marks the schedule changed, so that saving it moves its version on: the time moves
	 * forward even when the clock reads the same moment twice.
	 */
	private void touch(Instant at) {
		this.updatedAt = (this.updatedAt == null || at.isAfter(this.updatedAt)) ? at : this.updatedAt.plusNanos(1000);
	}

	/** Who made the last change, and when. */
	void changedBy(String who, Instant at) {
		this.updatedBy = who;
		touch(at);
	}

	String updatedBy() {
		return this.updatedBy;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
