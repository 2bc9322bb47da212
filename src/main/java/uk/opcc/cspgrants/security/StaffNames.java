package uk.opcc.cspgrants.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People's names for pages whose records keep who did what by username (formula runs,
 * year ends, redistributions, grant lines): {@code ${@staffNames.of(run.createdBy())}}
 * shows "Olu Officer", not "officer". A username with no account (an old or system one)
 * is shown as it is.
 */
@Component("staffNames")
public class StaffNames {

	private final JdbcClient jdbc;

	StaffNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String of(String username) {
		if (username == null || username.isBlank()) {
			return "";
		}
		return this.jdbc.sql("select display_name from app_user where lower(username) = lower(?)")
			.param(username)
			.query(String.class)
			.optional()
			.orElse(username);
	}

}
