package io.dddpersistence.benchmarks.outbox;

import java.util.ArrayList;
import java.util.List;

import io.dddpersistence.benchmarks.Interleaved;

/**
 * Like {@link Interleaved}, with an unmeasured preparation before each side's run (seeding a
 * backlog, emptying tables), so that rounds start from the same state.
 */
final class Rounds {

	interface Step {

		void run() throws Exception;

	}

	record Result(double medianRateA, double medianRateB, double medianRatio) {
	}

	private Rounds() {
	}

	static Result measure(int warmups, int rounds, Step prepareA, Interleaved.Work a, Step prepareB,
			Interleaved.Work b) throws Exception {
		for (int i = 0; i < warmups; i++) {
			prepareA.run();
			a.run();
			prepareB.run();
			b.run();
		}
		List<Double> ratesA = new ArrayList<>();
		List<Double> ratesB = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			prepareA.run();
			double rateA = rate(a);
			prepareB.run();
			double rateB = rate(b);
			ratesA.add(rateA);
			ratesB.add(rateB);
			ratios.add(rateA / rateB);
		}
		return new Result(Interleaved.median(ratesA), Interleaved.median(ratesB), Interleaved.median(ratios));
	}

	private static double rate(Interleaved.Work work) throws Exception {
		long start = System.nanoTime();
		long units = work.run();
		return units / ((System.nanoTime() - start) / 1e9);
	}

}
