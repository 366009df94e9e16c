package io.dddpersistence.vendor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.dddpersistence.autoconfigure.EventStoreAutoConfiguration;
import io.dddpersistence.autoconfigure.OutboxAutoConfiguration;
import io.dddpersistence.autoconfigure.VendorAutoConfiguration;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vendor of a data source is read once, whatever number of capabilities and threads ask, from
 * the one {@link DatabaseVendors} bean the capabilities share; a {@link DatabaseVendor} bean of the
 * application's is taken without reading; a database without vendor SQL fails naming the switch.
 */
class DatabaseVendorsIntegrationTests {

	static TestDatabase postgres;

	@BeforeAll
	static void createDatabase() {
		postgres = TestDatabases.create();
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, VendorAutoConfiguration.class,
				OutboxAutoConfiguration.class, EventStoreAutoConfiguration.class));

	@Test
	void theVendorIsReadOnceHoweverManyThreadsAsk() throws Exception {
		CountingDataSource dataSource = new CountingDataSource(postgres.dataSource(), null);
		DatabaseVendors vendors = new DatabaseVendors();
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<DatabaseVendor>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<DatabaseVendor> ask = (i % 2 == 0)
						? () -> awaitThen(start, () -> vendors.require(dataSource, "The outbox", "x=false"))
						: () -> awaitThen(start, () -> vendors.find(dataSource).orElseThrow());
				answers.add(pool.submit(ask));
			}
			start.countDown();
			for (Future<DatabaseVendor> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(DatabaseVendor.POSTGRESQL);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(dataSource.connections()).isEqualTo(1);
		assertThat(vendors.find(dataSource)).contains(DatabaseVendor.POSTGRESQL);
		assertThat(dataSource.connections()).isEqualTo(1);
	}

	@Test
	void eachDataSourceIsReadOnItsOwn() {
		CountingDataSource onPostgres = new CountingDataSource(postgres.dataSource(), null);
		CountingDataSource onH2 = new CountingDataSource(TestDatabases.createH2().dataSource(), null);
		DatabaseVendors vendors = new DatabaseVendors();
		assertThat(vendors.find(onPostgres)).contains(DatabaseVendor.POSTGRESQL);
		assertThat(vendors.find(onH2)).contains(DatabaseVendor.H2);
		assertThat(vendors.find(onPostgres)).contains(DatabaseVendor.POSTGRESQL);
		assertThat(onPostgres.connections()).isEqualTo(1);
		assertThat(onH2.connections()).isEqualTo(1);
	}

	@Test
	void theCapabilitiesAskTheOneBeanSoNothingIsReadAgainAfterStartUp() {
		CountingDataSource dataSource = new CountingDataSource(postgres.dataSource(), null);
		this.runner.withBean(DataSource.class, () -> dataSource).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OutboxWriter.class).hasSingleBean(EventStore.class);
			int taken = dataSource.connections();
			assertThat(context.getBean(DatabaseVendors.class).find(dataSource)).contains(DatabaseVendor.POSTGRESQL);
			assertThat(dataSource.connections()).as("connections taken to read the vendor after start-up")
				.isEqualTo(taken);
		});
	}

	@Test
	void aDatabaseWithoutVendorSqlFailsNamingTheCapabilityTheDatabaseAndTheSwitch() {
		DataSource mysql = new CountingDataSource(postgres.dataSource(), "MySQL");
		this.runner.withBean(DataSource.class, () -> mysql)
			.withPropertyValues("ddd.persistence.event-store.enabled=false")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.isInstanceOf(DatabaseVendor.UnsupportedDatabaseException.class)
				.hasMessageContaining("The outbox needs SQL written for its database")
				.hasMessageContaining("PostgreSQL and H2 only")
				.hasMessageContaining("'MySQL'")
				.hasMessageContaining("ddd.persistence.outbox.enabled=false"));
		assertThatThrownBy(() -> new DatabaseVendors().require(mysql, "The event store",
				"ddd.persistence.event-store.enabled=false"))
			.isInstanceOf(DatabaseVendor.UnsupportedDatabaseException.class)
			.hasMessageContaining("The event store needs SQL")
			.hasMessageContaining("ddd.persistence.event-store.enabled=false");
		assertThat(new DatabaseVendors().find(mysql)).isEmpty();
	}

	@Test
	void aDatabaseVendorBeanOfTheApplicationsIsTakenWithoutReadingTheDatabase() {
		// a database that calls itself something else but speaks PostgreSQL
		CountingDataSource dataSource = new CountingDataSource(postgres.dataSource(), "PostgreSQL-compatible proxy");
		this.runner.withBean(DataSource.class, () -> dataSource)
			.withBean(DatabaseVendor.class, () -> DatabaseVendor.POSTGRESQL)
			.withPropertyValues("ddd.persistence.outbox.schema.migrate=false",
					"ddd.persistence.event-store.schema.migrate=false", "ddd.persistence.outbox.poller-enabled=false",
					"ddd.persistence.outbox.retention.enabled=false",
					// the wake-up listener holds a connection of its own to LISTEN on
					"ddd.persistence.outbox.wake-ups.enabled=false", "ddd.persistence.event-store.wake-ups.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OutboxWriter.class).hasSingleBean(EventStore.class);
				assertThat(context.getBean(DatabaseVendors.class).find(dataSource)).contains(DatabaseVendor.POSTGRESQL);
				assertThat(dataSource.connections()).isZero();
			});
	}

	@Test
	void aDatabaseVendorsBeanOfTheApplicationsReplacesTheLibrarysOne() {
		DatabaseVendors own = new DatabaseVendors();
		this.runner.withBean(DataSource.class, postgres::dataSource)
			.withBean(DatabaseVendors.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed().getBean(DatabaseVendors.class).isSameAs(own);
				assertThat(context).hasSingleBean(DatabaseVendors.class);
			});
	}

	private static <T> T awaitThen(CountDownLatch start, Callable<T> work) throws Exception {
		start.await();
		return work.call();
	}

	/** Counts the connections taken; optionally reports another database product name. */
	static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger connections = new AtomicInteger();

		private final @Nullable String product;

		CountingDataSource(DataSource target, @Nullable String product) {
			super(target);
			this.product = product;
		}

		int connections() {
			return this.connections.get();
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.connections.incrementAndGet();
			Connection connection = super.getConnection();
			return (this.product != null) ? reporting(connection, this.product) : connection;
		}

		private static Connection reporting(Connection connection, String product) {
			return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
						Object result = invoke(connection, method, arguments);
						if (method.getName().equals("getMetaData")) {
							DatabaseMetaData metaData = (DatabaseMetaData) result;
							return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
									new Class<?>[] { DatabaseMetaData.class }, (p, m, a) -> m.getName()
										.equals("getDatabaseProductName") ? product : invoke(metaData, m, a));
						}
						return result;
					});
		}

		private static @Nullable Object invoke(Object target, java.lang.reflect.Method method,
				@Nullable Object[] arguments) throws Throwable {
			try {
				return method.invoke(target, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
