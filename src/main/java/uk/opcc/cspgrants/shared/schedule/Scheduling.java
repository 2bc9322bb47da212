package uk.opcc.cspgrants.shared.schedule;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (sending messages, reminding people of returns) run on every node; each
 * run of a job holds a lock in PostgreSQL (ShedLock's {@code shedlock} table, timed by
 * the database's clock) so that one node at a time does it. A job annotated
 * {@code @SchedulerLock(name = ...)} is skipped on the other nodes while one holds it.
 * What a job does must still be safe to do twice (a unique key per message): a lock
 * outlives a node that stops mid-run only until its {@code lockAtMostFor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class Scheduling {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
