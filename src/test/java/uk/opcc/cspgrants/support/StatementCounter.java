package uk.opcc.cspgrants.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends to the database on this thread: every
 * statement prepared or created on a connection of its DataSource, whether through
 * Hibernate, a JdbcClient or a JdbcTemplate. For tests that hold a page to a fixed number
 * of queries whatever the number of rows it shows.
 */
public final class StatementCounter {

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);

	private StatementCounter() {
	}

	/** Starts counting afresh on this thread. */
	public static void reset() {
		COUNT.get().set(0);
	}

	/** The statements sent on this thread since {@link #reset()}. */
	public static int count() {
		return COUNT.get().get();
	}

	static DataSource counting(DataSource dataSource) {
		return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(dataSource, method, args);
					return (result instanceof Connection connection) ? counting(connection) : result;
				});
	}

	private static Connection counting(Connection connection) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (STATEMENTS.contains(method.getName())) {
				COUNT.get().incrementAndGet();
			}
			return invoke(connection, method, args);
		};
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException failure) {
			throw failure.getCause();
		}
	}

	/**
	 * Wraps the application's DataSource (not Flyway's) so that its statements are
	 * counted.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource && name.equals("applicationDataSource"))
							? counting(dataSource) : bean;
				}

			};
		}

	}

}
