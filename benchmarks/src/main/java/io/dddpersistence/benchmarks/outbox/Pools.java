package io.dddpersistence.benchmarks.outbox;

import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.benchmarks.BenchmarkDatabase;

/** Connection pools on the benchmark database, the same settings for every side. */
final class Pools {

	private Pools() {
	}

	static HikariDataSource pool(BenchmarkDatabase database, int size) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.url());
		pool.setUsername(database.username());
		pool.setPassword(database.password());
		pool.setMaximumPoolSize(size);
		pool.setMinimumIdle(size);
		return pool;
	}

}
