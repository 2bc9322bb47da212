package uk.opcc.cspgrants.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.shared.DataVersions;

/**
 * Ends an account's sessions when the change that ends them has committed, not only when
 * it was made: a sign-in with the old password while the change's transaction was open
 * (or on a node whose clock is behind) would otherwise be later than the moment written,
 * and survive. The change writes {@code sessions_ended_at} as before; once it commits,
 * this moves it on to the database's time then, in a transaction of its own. Never back.
 */
@Component
class SessionEnds {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SessionEnds.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	SessionEnds(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separately = DataVersions.transactionOf(transactions, SessionEnds.class, "afterCommit");
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** In the change's transaction: the account's sessions end again once it commits. */
	void alsoOnceCommitted(long userId) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				try {
					SessionEnds.this.separately.executeWithoutResult((status) -> SessionEnds.this.jdbc.sql("""
							update app_user set sessions_ended_at = greatest(coalesce(sessions_ended_at,
							    clock_timestamp()), clock_timestamp())
							where id = :id
							""").param("id", userId).update());
				}
				catch (RuntimeException failed) {
					// the change itself is saved, and ended the sessions as of when it
					// was
					// made: nothing to show the person but a log line for the operators
					log.error("Could not move on when the sessions of account {} ended", userId, failed);
				}
			}

		});
	}

}
