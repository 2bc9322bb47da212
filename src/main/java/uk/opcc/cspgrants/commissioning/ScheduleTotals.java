package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * The totals of a year's award schedule, to the penny, as its page and the decision
 * record show them: the lines by recipient (in the order each recipient first appears)
 * with subtotals, and the counted lines by purchasing route, by Police and Crime Plan
 * theme, by stream and by half-year; and what is left unallocated of each stream and of
 * the year (the streams less the counted lines less the formula pots drawn on them).
 * <p>
 * A replaced line is listed but never counted. Amounts are shown in the schedule's two
 * half-year columns, April to September and October to March; a period stated otherwise
 * is counted in the column of the half-year it starts in. Plain Java: no Spring, no
 * database.
 */
public final class ScheduleTotals {

	/**
	 * As the spreadsheet abbreviates months ("Sept 13"), whatever the JDK's locale data.
	 */
	private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept",
			"Oct", "Nov", "Dec");

	private final ScheduleView schedule;

	private final List<FundingStreamView> streams;

	private final Map<Long, Money> pots;

	private final List<Column> columns;

	public ScheduleTotals(ScheduleView schedule, List<FundingStreamView> streams, Map<Long, Money> pots) {
		this.schedule = schedule;
		this.streams = List.copyOf(streams);
		this.pots = Map.copyOf(pots);
		FinancialYear year = schedule.year();
		LocalDate october = year.secondHalfStart();
		this.columns = List.of(new Column(year.startDate(), october.minusDays(1)), new Column(october, year.endDate()));
	}

	/** A half-year column of the schedule. */
	public record Column(LocalDate startsOn, LocalDate endsOn) {

		/** "Apr 13 to Sept 13", as the spreadsheet heads it. */
		public String label() {
			return month(this.startsOn) + " to " + month(this.endsOn);
		}

		private static String month(LocalDate date) {
			return MONTHS.get(date.getMonthValue() - 1) + " " + String.format("%02d", date.getYear() % 100);
		}

	}

	/** Amounts per column and their total. */
	public record Amounts(List<Money> byColumn, Money total) {

		public Amounts {
			byColumn = List.copyOf(byColumn);
		}

	}

	/**
	 * A recipient's lines, in the schedule's order, with the subtotal of those counted.
	 */
	public record Section(long organisationId, String name, String identifier, List<AwardLineView> lines,
			Amounts subtotal) {

		public Section {
			lines = List.copyOf(lines);
		}

	}

	/**
	 * A stream's money: what the counted lines and the formula pots take, what is left.
	 */
	public record StreamBalance(FundingStreamView stream, Money lines, Money pots, Money unallocated, Money limit) {

		/** More is allocated than the stream and the tolerance allow. */
		public boolean overAllocated() {
			return this.lines.plus(this.pots).isGreaterThan(this.limit);
		}

	}

	public ScheduleView schedule() {
		return this.schedule;
	}

	public List<Column> columns() {
		return this.columns;
	}

	/** The column a period is counted in: the half-year it starts in. */
	public int columnOf(AwardLineView.Period period) {
		return period.startsOn().isBefore(this.columns.get(1).startsOn()) ? 0 : 1;
	}

	/** A line's amounts by column (whether or not it is counted). */
	public Amounts amounts(AwardLineView line) {
		return sum(List.of(line));
	}

	/**
	 * Whether a line's periods are other than the two half-years ("except where stated").
	 */
	public boolean stated(AwardLineView line) {
		return line.periods()
			.stream()
			.anyMatch(period -> this.columns.stream()
				.noneMatch(column -> column.startsOn().equals(period.startsOn())
						&& column.endsOn().equals(period.endsOn())));
	}

	public List<AwardLineView> countedLines() {
		return this.schedule.lines().stream().filter(AwardLineView::counted).toList();
	}

	/**
	 * The recipients, each with its lines and subtotal, in the order they first appear.
	 */
	public List<Section> sections() {
		Map<Long, List<AwardLineView>> byRecipient = new LinkedHashMap<>();
		for (AwardLineView line : this.schedule.lines()) {
			byRecipient.computeIfAbsent(line.organisationId(), (id) -> new ArrayList<>()).add(line);
		}
		List<Section> sections = new ArrayList<>();
		byRecipient.forEach((id, lines) -> sections
			.add(new Section(id, lines.get(0).organisationName(), lines.get(0).organisationIdentifier(), lines,
					sum(lines.stream().filter(AwardLineView::counted).toList()))));
		return sections;
	}

	/** Every counted line added up, by column and in all. */
	public Amounts total() {
		return sum(countedLines());
	}

	/**
	 * The counted lines by purchasing route, in the routes' order; routes with none left
	 * out.
	 */
	public Map<PurchasingRoute, Money> byRoute() {
		Map<PurchasingRoute, Money> byRoute = new EnumMap<>(PurchasingRoute.class);
		countedLines().forEach(line -> byRoute.merge(line.route(), line.total(), Money::plus));
		return byRoute;
	}

	/** The counted lines by theme, in the order the themes first appear. */
	public Map<String, Money> byTheme() {
		Map<String, Money> byTheme = new LinkedHashMap<>();
		countedLines().forEach(line -> byTheme.merge(line.themeName(), line.total(), Money::plus));
		return byTheme;
	}

	/** Each stream of the year with what is allocated from it and what is left. */
	public List<StreamBalance> byStream() {
		Map<Long, Money> lines = new LinkedHashMap<>();
		countedLines().forEach(line -> lines.merge(line.streamId(), line.total(), Money::plus));
		return this.streams.stream().map(stream -> {
			Money fromLines = lines.getOrDefault(stream.id(), Money.ZERO);
			Money fromPots = this.pots.getOrDefault(stream.id(), Money.ZERO);
			return new StreamBalance(stream, fromLines, fromPots, stream.amount().minus(fromLines).minus(fromPots),
					OverAllocation.limit(stream.amount(), this.schedule.tolerancePercent()));
		}).toList();
	}

	/**
	 * The by-stream table's total row: each of its columns added up, so that the row is
	 * the sum of the rows above it (a stream's limit is rounded on its own, so the limits
	 * added up can differ by pennies from {@link #limit()}).
	 */
	public StreamsAddedUp byStreamAddedUp() {
		List<StreamBalance> balances = byStream();
		return new StreamsAddedUp(add(balances, (balance) -> balance.stream().amount()),
				add(balances, StreamBalance::lines), add(balances, StreamBalance::pots),
				add(balances, StreamBalance::unallocated), add(balances, StreamBalance::limit));
	}

	/** The by-stream table's columns added up. */
	public record StreamsAddedUp(Money amount, Money lines, Money pots, Money unallocated, Money limit) {

	}

	private static Money add(List<StreamBalance> balances, Function<StreamBalance, Money> column) {
		return balances.stream().map(column).reduce(Money.ZERO, Money::plus);
	}

	/** The year's streams added up: its commissioning budget. */
	public Money streamsTotal() {
		return this.streams.stream().map(FundingStreamView::amount).reduce(Money.ZERO, Money::plus);
	}

	/** The formula pots drawn on the year's streams. */
	public Money potsTotal() {
		return this.streams.stream()
			.map(stream -> this.pots.getOrDefault(stream.id(), Money.ZERO))
			.reduce(Money.ZERO, Money::plus);
	}

	/**
	 * What is left of the year's streams after the counted lines and the formula pots.
	 */
	public Money unallocated() {
		return streamsTotal().minus(total().total()).minus(potsTotal());
	}

	/** The most the year may allocate with the schedule's tolerance. */
	public Money limit() {
		return OverAllocation.limit(streamsTotal(), this.schedule.tolerancePercent());
	}

	public boolean overAllocated() {
		return total().total().plus(potsTotal()).isGreaterThan(limit());
	}

	private Amounts sum(List<AwardLineView> lines) {
		List<Money> byColumn = new ArrayList<>(List.of(Money.ZERO, Money.ZERO));
		Money total = Money.ZERO;
		for (AwardLineView line : lines) {
			for (AwardLineView.Period period : line.periods()) {
				int column = columnOf(period);
				byColumn.set(column, byColumn.get(column).plus(period.amount()));
				total = total.plus(period.amount());
			}
		}
		return new Amounts(byColumn, total);
	}

}
