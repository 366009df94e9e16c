package io.dddpersistence.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SQL text of every statement Hibernate prepares, as it is sent: a test asserts that user values
 * never appear in it (they must be bind parameters). Import {@link Registration} into a test's
 * application and read what ran with {@link #during(Runnable)}.
 */
public final class SentStatements implements StatementInspector {

	private final List<String> sql = new ArrayList<>();

	private final ThreadLocal<Boolean> explaining = ThreadLocal.withInitial(() -> false);

	@Override
	public synchronized String inspect(String sql) {
		this.sql.add(sql);
		return this.explaining.get() ? "explain " + sql : sql;
	}

	/**
	 * Runs a query with {@code explain} put in front of each statement it sends from this thread,
	 * with the values bound as Hibernate binds them: a query that selects one text column returns
	 * the database's plan lines (PostgreSQL, H2) instead of its rows.
	 */
	public <T> T explaining(Supplier<T> query) {
		this.explaining.set(true);
		try {
			return query.get();
		}
		finally {
			this.explaining.remove();
		}
	}

	/** The statements prepared while the action ran, on this or any other thread. */
	public List<String> during(Runnable action) {
		int from;
		synchronized (this) {
			from = this.sql.size();
		}
		action.run();
		synchronized (this) {
			return List.copyOf(this.sql.subList(from, this.sql.size()));
		}
	}

	/** Makes a {@link SentStatements} bean the inspector of the application's session factory. */
	@Configuration(proxyBeanMethods = false)
	public static class Registration {

		@Bean
		SentStatements sentStatements() {
			return new SentStatements();
		}

		@Bean
		HibernatePropertiesCustomizer sentStatementsInspector(SentStatements sentStatements) {
			return (properties) -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, sentStatements);
		}

	}

}
