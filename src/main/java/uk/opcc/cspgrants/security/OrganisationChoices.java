package uk.opcc.cspgrants.security;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations a recipient contact can be linked to, read from the
 * {@code organisation} table in SQL: the organisations module depends on this one, so
 * this one cannot use its facade.
 */
@Component
@Transactional(readOnly = true)
class OrganisationChoices {

	private final JdbcClient jdbc;

	OrganisationChoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every organisation, by name. */
	List<Choice> all() {
		return this.jdbc.sql("select id, name, identifier from organisation order by lower(name), id")
			.query((rs, row) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	Optional<Choice> find(long id) {
		return this.jdbc.sql("select id, name, identifier from organisation where id = ?")
			.param(id)
			.query((rs, row) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * An organisation a user may be linked to.
	 *
	 * @param id its id
	 * @param name its name
	 * @param identifier its 360Giving identifier
	 */
	record Choice(long id, String name, String identifier) {
	}

}
