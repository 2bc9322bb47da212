package uk.opcc.cspgrants.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.DataVersions;

/**
 * People's names for pages whose records keep who did what by username (formula runs,
 * year ends, redistributions, grant lines): {@code ${@staffNames.of(run.createdBy())}}
 * shows "Olu Officer", not "officer". A username with no account (an old or system one)
 * is shown as it is.
 */
@Component("staffNames")
public class StaffNames {

	private final JdbcClient jdbc;

	private final DataVersions versions;

	StaffNames(JdbcClient jdbc, DataVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
	}

	public String of(String username) {
		if (username == null || username.isBlank()) {
			return "";
		}
		// on the busy run page on every request: read at most once a second, and again at
		// once
		// after a change here (see DataVersions)
		return this.versions.of("name of " + username,
				() -> this.jdbc.sql("select display_name from app_user where lower(username) = lower(?)")
					.param(username)
					.query(String.class)
					.optional()
					.orElse(username));
	}

}
