package io.dddpersistence.test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.ClassUtils;

/**
 * Keeps the database of the first test context of a schema key, once its migrations ran, as the
 * template the next contexts of the key are cloned from. Spring Boot initialises it as a database
 * initializer ({@link MigratedTemplateDetector}): after Flyway, Liquibase and the library's own
 * scripts, before the SQL init scripts (whose rows a template must not hold) and before anything
 * that uses the database. A template can only be taken of a database nothing is connected to: the
 * context's Hikari pool is suspended and emptied for that moment and resumed after; with another
 * pool, or a connection still in use, no template is kept and the next contexts migrate as this one did.
 */
final class MigratedTemplate implements BeanFactoryAware, InitializingBean {

	static final String BEAN_NAME = "dddPersistenceMigratedTemplate";

	private static final Log logger = LogFactory.getLog(MigratedTemplate.class);

	private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			MigratedTemplate.class.getClassLoader());

	private static final Duration EMPTYING = Duration.ofSeconds(2);

	private final TestDatabase database;

	private final String key;

	private BeanFactory beans;

	MigratedTemplate(TestDatabase database, String key) {
		this.database = database;
		this.key = key;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beans = beanFactory;
	}

	@Override
	public void afterPropertiesSet() {
		DataSource dataSource = this.beans.getBeanProvider(DataSource.class).getIfUnique();
		boolean kept = (dataSource != null && HIKARI)
				&& Pools.whileEmpty(dataSource, () -> TestDatabases.keepAsMigrated(this.database, this.key));
		if (logger.isDebugEnabled()) {
			logger.debug((kept ? "Kept " : "Could not keep ") + this.database.name() + " as the migrated template "
					+ TestDatabases.MIGRATED_PREFIX + this.key);
		}
	}

	// loaded only with HikariCP on the class path
	private static final class Pools {

		static boolean whileEmpty(DataSource dataSource, BooleanSupplier action) {
			HikariDataSource hikari;
			try {
				if (!dataSource.isWrapperFor(HikariDataSource.class)) {
					return false;
				}
				hikari = dataSource.unwrap(HikariDataSource.class);
			}
			catch (SQLException ex) {
				return false;
			}
			HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
			if (pool == null) {
				// never opened: nothing is connected
				return action.getAsBoolean();
			}
			if (!hikari.isAllowPoolSuspension()) {
				return false;
			}
			pool.suspendPool();
			try {
				pool.softEvictConnections();
				long deadline = System.nanoTime() + EMPTYING.toNanos();
				while (pool.getTotalConnections() > 0) {
					if (System.nanoTime() > deadline) {
						return false;
					}
					LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
				}
				return action.getAsBoolean();
			}
			finally {
				pool.resumePool();
			}
		}

	}

}
