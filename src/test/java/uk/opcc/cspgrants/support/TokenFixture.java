package uk.opcc.cspgrants.support;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes away API tokens a test made, as the table's owner with the rule that keeps every
 * token ({@code api_token_kept}) off for the moment it takes.
 */
public final class TokenFixture {

	private TokenFixture() {
	}

	/** Removes the tokens whose name is like {@code pattern} ({@code Test %}). */
	public static void remove(DataSource owner, String pattern) {
		JdbcTemplate asOwner = new JdbcTemplate(owner);
		asOwner.execute("alter table api_token disable trigger api_token_changes");
		try {
			asOwner.update("delete from api_token where name like ?", pattern);
		}
		finally {
			asOwner.execute("alter table api_token enable trigger api_token_changes");
		}
	}

}
