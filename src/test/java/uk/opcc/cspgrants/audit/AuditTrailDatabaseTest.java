package uk.opcc.cspgrants.audit;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail is append-only in the database itself, whatever the application does,
 * and whoever connects: the application's role may only read and add rows, and even the
 * owner of the table cannot change or remove one.
 */
@IntegrationTest
class AuditTrailDatabaseTest {

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theDatabaseRefusesToChangeOrRemoveAnAuditRow() {
		this.transaction.executeWithoutResult(status -> this.auditTrail.record("TEST", "AuditCheck", "row-1",
				java.util.Map.of("amount", "1.00"), java.util.Map.of("amount", "2.00")));
		Long id = this.jdbc.queryForObject(
				"select id from audit_event where entity_type = 'AuditCheck' and entity_id = 'row-1'", Long.class);

		for (JdbcTemplate as : List.of(this.jdbc, new JdbcTemplate(this.owner))) {
			assertThatThrownBy(() -> as.update("update audit_event set actor = 'someone else' where id = ?", id))
				.isInstanceOf(DataAccessException.class)
				.hasStackTraceContaining(refusal(as));
			assertThatThrownBy(() -> as.update("delete from audit_event where id = ?", id))
				.isInstanceOf(DataAccessException.class)
				.hasStackTraceContaining(refusal(as));
			assertThatThrownBy(() -> as.execute("truncate audit_event")).isInstanceOf(DataAccessException.class)
				.hasStackTraceContaining(refusal(as));
		}

		assertThat(this.jdbc.queryForObject("select after_json ->> 'amount' from audit_event where id = ?",
				String.class, id))
			.isEqualTo("2.00");
	}

	/**
	 * The application's role has no right to change the trail at all; its owner, which
	 * has, meets the append-only trigger.
	 */
	private String refusal(JdbcTemplate as) {
		return (as == this.jdbc) ? "permission denied for table audit_event" : "append-only";
	}

	@Test
	void anAuditRowCannotBeWrittenOutsideTheChangeItRecords() {
		assertThatThrownBy(() -> this.auditTrail.record("TEST", "AuditCheck", "row-2", null, null))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

}
