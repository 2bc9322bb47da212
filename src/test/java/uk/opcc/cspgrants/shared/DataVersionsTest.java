package uk.opcc.cspgrants.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class DataVersionsTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final DataVersions versions = new DataVersions(Duration.ofSeconds(1), this.now::get);

	private final AtomicInteger reads = new AtomicInteger();

	private String read() {
		return "v" + this.reads.incrementAndGet();
	}

	@Test
	void aVersionIsReadOnceAndKeptForTheMaxAge() {
		assertThat(this.versions.of("grants 2022-23", this::read)).isEqualTo("v1");
		this.now.addAndGet(Duration.ofMillis(999).toNanos());
		assertThat(this.versions.of("grants 2022-23", this::read)).isEqualTo("v1");
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(this.versions.of("grants 2022-23", this::read)).isEqualTo("v2");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void anAnswerIsKeptAsItIsByTheSameRules() {
		java.util.List<Long> waiting = java.util.List.of(12L, 7L);
		assertThat(this.versions.kept("runs waiting", () -> waiting)).isSameAs(waiting);
		assertThat(this.versions.kept("runs waiting", () -> java.util.List.of(1L))).isSameAs(waiting);
		this.versions.afterCommit(transaction("uk.opcc.cspgrants.grants.GrantManagement.createFromRun", false), null);
		assertThat(this.versions.<java.util.List<Long>>kept("runs waiting", () -> java.util.List.of())).isEmpty();
		assertThat(this.versions.kept("any grants 2022-23", () -> Boolean.TRUE)).isTrue();
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.versions.kept("any grants 2022-23", () -> Boolean.FALSE)).isFalse();
	}

	@Test
	void aKeeperKeepsAnswersByTheSameRulesButNeverNothingFoundAndOnlyAsManyAsItMay() {
		DataVersions.Keeper<String, String> tokens = this.versions.keeper(2);
		assertThat(tokens.get("a", this::read)).isEqualTo("v1");
		assertThat(tokens.get("a", this::read)).as("kept within the max age").isEqualTo("v1");
		assertThat(tokens.get("unknown", () -> null)).isNull();
		assertThat(tokens.get("unknown", this::read)).as("nothing found is not kept").isEqualTo("v2");
		assertThat(tokens.get("b", this::read)).isEqualTo("v3");
		// "unknown" and "b" are kept now; "a", the least recently used, was forgotten
		assertThat(tokens.get("a", this::read)).isEqualTo("v4");
		assertThat(tokens.get("a", this::read)).isEqualTo("v4");
		this.versions.afterCommit(transaction("uk.opcc.cspgrants.security.ApiTokens.revoke", false), null);
		assertThat(tokens.get("a", this::read)).as("read again at once after a change here").isEqualTo("v5");
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(tokens.get("a", this::read)).as("read again after the max age").isEqualTo("v6");
	}

	@Test
	void eachNameIsReadOnItsOwn() {
		assertThat(this.versions.of("grants 2022-23", () -> "g")).isEqualTo("g");
		assertThat(this.versions.of("returns 2022-23", () -> "r")).isEqualTo("r");
		assertThat(this.versions.of("grants 2022-23", () -> "not read")).isEqualTo("g");
	}

	@Test
	void aChangeCommittedByOneOfTheApplicationsServicesIsReadAtOnce() {
		this.versions.of("returns 2022-23", this::read);
		this.versions.afterCommit(transaction("uk.opcc.cspgrants.monitoring.ReturnManagement.submit", false), null);
		assertThat(this.versions.of("returns 2022-23", this::read)).isEqualTo("v2");
	}

	@Test
	void readOnlyFailedAndOtherTransactionsChangeNothingShown() {
		this.versions.of("returns 2022-23", this::read);
		this.versions.afterCommit(transaction("uk.opcc.cspgrants.monitoring.ReturnManagement.get", true), null);
		this.versions.afterCommit(transaction("uk.opcc.cspgrants.monitoring.ReturnManagement.submit", false),
				new IllegalStateException("refused"));
		// Spring Session's own transactions, on every request when sessions are stored in
		// the database, have no name of ours
		this.versions.afterCommit(transaction("", false), null);
		this.versions.afterCommit(transaction(null, false), null);
		assertThat(this.versions.of("returns 2022-23", this::read)).isEqualTo("v1");
	}

	@Test
	void aVersionReadWhileAChangeWasCommittedIsNotKept() {
		String during = this.versions.of("grants 2022-23", () -> {
			this.versions.afterCommit(transaction("uk.opcc.cspgrants.grants.GrantManagement.setHistoric", false), null);
			return "read before the change was visible";
		});
		assertThat(during).isEqualTo("read before the change was visible");
		assertThat(this.versions.of("grants 2022-23", () -> "after")).isEqualTo("after");
	}

	@Test
	void insideATransactionThatMayHaveWrittenAVersionIsReadAfreshAndNotKept() {
		this.versions.of("runs", this::read);
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
			assertThat(this.versions.of("runs", this::read)).as("read-only: kept").isEqualTo("v1");
			TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
			assertThat(DataVersions.insideWritingTransaction()).isTrue();
			assertThat(this.versions.of("runs", this::read)).isEqualTo("v2");
			assertThat(this.versions.of("runs", this::read)).isEqualTo("v3");
		}
		finally {
			TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
		assertThat(DataVersions.insideWritingTransaction()).isFalse();
		assertThat(this.versions.of("runs", this::read)).as("what the transaction read was not kept").isEqualTo("v1");
	}

	private static TransactionExecution transaction(String name, boolean readOnly) {
		return new TransactionExecution() {

			@Override
			public String getTransactionName() {
				return name;
			}

			@Override
			public boolean isReadOnly() {
				return readOnly;
			}

		};
	}

}
