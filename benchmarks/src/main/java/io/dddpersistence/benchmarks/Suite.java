package io.dddpersistence.benchmarks;

/** One benchmark suite; prints its figures through {@link Figures}. */
public interface Suite {

	void run(Figures figures) throws Exception;

}
