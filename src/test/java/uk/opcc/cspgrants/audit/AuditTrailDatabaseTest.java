package uk.opcc.cspgrants.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail is append-only in the database itself, whatever the application does.
 */
@IntegrationTest
class AuditTrailDatabaseTest {

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theDatabaseRefusesToChangeOrRemoveAnAuditRow() {
		this.transaction.executeWithoutResult(status -> this.auditTrail.record("TEST", "AuditCheck", "row-1",
				java.util.Map.of("amount", "1.00"), java.util.Map.of("amount", "2.00")));
		Long id = this.jdbc.queryForObject(
				"select id from audit_event where entity_type = 'AuditCheck' and entity_id = 'row-1'", Long.class);

		assertThatThrownBy(() -> this.jdbc.update("update audit_event set actor = 'someone else' where id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_event where id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.execute("truncate audit_event")).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");

		assertThat(this.jdbc.queryForObject("select after_json ->> 'amount' from audit_event where id = ?",
				String.class, id))
			.isEqualTo("2.00");
	}

	@Test
	void anAuditRowCannotBeWrittenOutsideTheChangeItRecords() {
		assertThatThrownBy(() -> this.auditTrail.record("TEST", "AuditCheck", "row-2", null, null))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

}
