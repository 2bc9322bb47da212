package uk.opcc.cspgrants.allocation.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/** Saved published splits: one row each and one row per amount. */
@Repository
class PublishedSplitStore {

	private final JdbcClient jdbc;

	PublishedSplitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Saves a split with its amounts.
	 * @throws ConflictException if a split of that name exists (the database's unique
	 * index decides, so two saves at once make one split)
	 */
	long insert(String name, String source, FinancialYear year, FinancialYear windowEnd, int windowYears,
			List<String> indicators, List<PublishedTable.Entry> amounts, String createdBy) {
		KeyHolder key = new GeneratedKeyHolder();
		try {
			this.jdbc
				.sql("insert into published_split (name, source, financial_year, window_end, window_years, indicators, "
						+ "created_by) values (:name, :source, :year, :windowEnd, :windowYears, :indicators, :createdBy)")
				.param("name", name)
				.param("source", source)
				.param("year", year.startYear())
				.param("windowEnd", windowEnd.startYear())
				.param("windowYears", windowYears)
				.param("indicators", String.join(",", indicators))
				.param("createdBy", createdBy)
				.update(key, "id");
		}
		catch (DuplicateKeyException taken) {
			throw new ConflictException("name", "There is a published split called " + name
					+ " already: open it from the list, or choose another name");
		}
		long id = key.getKey().longValue();
		for (int i = 0; i < amounts.size(); i++) {
			PublishedTable.Entry entry = amounts.get(i);
			int saved = this.jdbc
				.sql("insert into published_split_amount (split_id, partnership_id, position, amount) "
						+ "select :split, p.id, :position, :amount from partnership p where p.code = :code")
				.param("split", id)
				.param("position", i + 1)
				.param("amount", entry.amount().amount())
				.param("code", entry.code())
				.update();
			if (saved != 1) {
				// its code was changed since the table was read: keep nothing rather than
				// a short table
				throw new ConflictException("table", "The partnership " + entry.name()
						+ " was changed while this was being kept: check the table and keep it again");
			}
		}
		return id;
	}

	/** Every split, newest year first, then by name. */
	List<SavedSplit> list() {
		List<SavedSplit> splits = this.jdbc.sql(
				"select id, name, source, financial_year, window_end, window_years, indicators, created_by, created_at "
						+ "from published_split order by financial_year desc, lower(name)")
			.query((rs, row) -> new SavedSplit(rs.getLong(1), rs.getString(2), rs.getString(3),
					new FinancialYear(rs.getInt(4)), new FinancialYear(rs.getInt(5)), rs.getInt(6),
					List.of(rs.getString(7).split(",")), List.of(), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
		Map<Long, List<PublishedTable.Entry>> amounts = this.jdbc
			.sql("select a.split_id, p.code, p.name, a.amount from published_split_amount a "
					+ "join partnership p on p.id = a.partnership_id order by a.split_id, a.position")
			.query((rs, row) -> Map.entry(rs.getLong(1),
					new PublishedTable.Entry(rs.getString(2), rs.getString(3), Money.of(rs.getBigDecimal(4)))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return splits.stream().map((split) -> withAmounts(split, amounts.getOrDefault(split.id(), List.of()))).toList();
	}

	Optional<SavedSplit> find(long id) {
		Optional<SavedSplit> split = this.jdbc.sql(
				"select id, name, source, financial_year, window_end, window_years, indicators, created_by, created_at "
						+ "from published_split where id = ?")
			.param(id)
			.query((rs, row) -> new SavedSplit(rs.getLong(1), rs.getString(2), rs.getString(3),
					new FinancialYear(rs.getInt(4)), new FinancialYear(rs.getInt(5)), rs.getInt(6),
					List.of(rs.getString(7).split(",")), List.of(), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.optional();
		return split
			.map((found) -> withAmounts(found,
					this.jdbc.sql("select p.code, p.name, a.amount from published_split_amount a "
							+ "join partnership p on p.id = a.partnership_id where a.split_id = ? order by a.position")
						.param(id)
						.query((rs, row) -> new PublishedTable.Entry(rs.getString(1), rs.getString(2),
								Money.of(rs.getBigDecimal(3))))
						.list()));
	}

	Optional<Long> idOfName(String name) {
		return this.jdbc.sql("select id from published_split where lower(btrim(name)) = lower(btrim(?))")
			.param(name)
			.query(Long.class)
			.optional();
	}

	private static SavedSplit withAmounts(SavedSplit split, List<PublishedTable.Entry> amounts) {
		return new SavedSplit(split.id(), split.name(), split.source(), split.year(), split.windowEnd(),
				split.windowYears(), split.indicators(), amounts, split.createdBy(), split.createdAt());
	}

}
