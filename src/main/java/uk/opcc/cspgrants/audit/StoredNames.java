package uk.opcc.cspgrants.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The names of people, partnerships and grants as stored now, read once for a page of the
 * audit trail (a read-side projection of the users', partnerships' and grants' tables).
 */
final class StoredNames implements AuditNames {

	private final JdbcClient jdbc;

	private Map<String, String> people;

	private Map<String, String> usersById;

	private Map<String, String> partnerships;

	private Map<String, String> partnershipsById;

	private final Map<String, Optional<String>> grants = new HashMap<>();

	StoredNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String person(String username) {
		loadPeople();
		return this.people.getOrDefault(username, username);
	}

	@Override
	public String user(String id) {
		loadPeople();
		return this.usersById.getOrDefault(id, "user " + id);
	}

	@Override
	public String partnership(String code) {
		loadPartnerships();
		return (code != null) ? this.partnerships.getOrDefault(code, code) : "";
	}

	@Override
	public String partnershipById(String id) {
		loadPartnerships();
		return (id != null) ? this.partnershipsById.getOrDefault(id, id) : "";
	}

	@Override
	public Optional<String> grant(String id) {
		return this.grants.computeIfAbsent(id, key -> {
			if (!key.matches("\\d{1,18}")) {
				return Optional.empty();
			}
			return this.jdbc
				.sql("select p.name, g.financial_year from grant_award g join partnership p on p.id = g.partnership_id "
						+ "where g.id = ?")
				.param(Long.parseLong(key))
				.query((rs, row) -> rs.getString(1) + " for " + new FinancialYear(rs.getInt(2)))
				.optional();
		});
	}

	private void loadPeople() {
		if (this.people == null) {
			this.people = new HashMap<>();
			this.usersById = new HashMap<>();
			this.jdbc.sql("select id, username, display_name from app_user").query(rs -> {
				this.people.put(rs.getString("username"), rs.getString("display_name"));
				this.usersById.put(rs.getString("id"), rs.getString("display_name"));
			});
		}
	}

	private void loadPartnerships() {
		if (this.partnerships == null) {
			this.partnerships = new HashMap<>();
			this.partnershipsById = new HashMap<>();
			this.jdbc.sql("select id, code, name from partnership").query(rs -> {
				this.partnerships.put(rs.getString("code"), rs.getString("name"));
				this.partnershipsById.put(rs.getString("id"), rs.getString("name"));
			});
		}
	}

}
