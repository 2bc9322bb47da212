package uk.opcc.cspgrants.organisations;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations page and the API's list: organisations of a type, or whose name or
 * identifier holds what was searched for, by name, a page at a time, with the CSPs each
 * is the lead authority of. Two queries: the count and the page.
 */
@Component
@Transactional(readOnly = true)
public class OrganisationList {

	/** Organisations on one page of the list. */
	public static final int PAGE_SIZE = 50;

	private static final String WHERE = " where (cast(:type as varchar) is null or o.type = cast(:type as varchar)) "
			+ "and (cast(:search as varchar) is null or o.name ilike :pattern escape '\\' "
			+ "or o.name_key like '%' || organisation_name_key(cast(:search as varchar)) || '%' "
			+ "or upper(o.identifier) = upper(cast(:search as varchar)) "
			+ "or o.charity_number = upper(replace(cast(:search as varchar), ' ', '')) "
			+ "or o.company_number = upper(replace(cast(:search as varchar), ' ', '')))";

	private final JdbcClient jdbc;

	OrganisationList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page (from 1) of the organisations of {@code type} (all when {@code null})
	 * matching {@code search} (all when blank).
	 */
	public Page find(OrganisationType type, String search, int page) {
		String words = (search == null || search.isBlank()) ? null : search.strip();
		String pattern = (words == null) ? null
				: "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		String typeName = (type != null) ? type.name() : null;
		long total = this.jdbc.sql("select count(*) from organisation o" + WHERE)
			.param("type", typeName)
			.param("search", words)
			.param("pattern", pattern)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(page, 1), pages);
		List<Row> rows = this.jdbc
			.sql("select o.id, o.name, o.type, o.identifier, o.contact_name, "
					+ "(select string_agg(p.name, ', ' order by p.name) from partnership_lead_authority l "
					+ "join partnership p on p.id = l.partnership_id where l.organisation_id = o.id) "
					+ "from organisation o" + WHERE + " order by lower(o.name), o.id limit :limit offset :offset")
			.param("type", typeName)
			.param("search", words)
			.param("pattern", pattern)
			.param("limit", PAGE_SIZE)
			.param("offset", (shown - 1) * PAGE_SIZE)
			.query((rs, row) -> new Row(rs.getLong(1), rs.getString(2), OrganisationType.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		return new Page(rows, shown, pages, total);
	}

	/**
	 * A page of the list.
	 *
	 * @param rows the organisations on it
	 * @param page its number, from 1
	 * @param pages how many pages there are
	 * @param total how many organisations match in all
	 */
	public record Page(List<Row> rows, int page, int pages, long total) {

		public Page {
			rows = List.copyOf(rows);
		}

		public boolean hasPrevious() {
			return this.page > 1;
		}

		public boolean hasNext() {
			return this.page < this.pages;
		}

	}

	/**
	 * An organisation in the list.
	 *
	 * @param id its id
	 * @param name its name
	 * @param type what kind of body it is
	 * @param identifier its 360Giving identifier
	 * @param contactName who to contact, if known
	 * @param leadAuthorityOf the CSPs it leads, by name, comma separated; {@code null}
	 * for none
	 */
	public record Row(long id, String name, OrganisationType type, String identifier, String contactName,
			String leadAuthorityOf) {
	}

}
