package io.dddpersistence.benchmarks;


import io.dddpersistence.benchmarks.outbox.OutboxBenchmarks;

/**
 * The transactional outbox against a raw-JDBC relay loop and against Spring Modulith's JDBC event
 * publication registry, on the same database in the same run. See docs/benchmarks.md.
 */
public class OutboxSuite implements Suite {

	@Override
	public void run(Figures figures) throws Exception {
		BenchmarkDatabase database = BenchmarkDatabase.create();
		new OutboxBenchmarks(database, figures).runAll();
	}

}
