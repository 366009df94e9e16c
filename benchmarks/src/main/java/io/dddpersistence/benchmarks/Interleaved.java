package io.dddpersistence.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures two ways of doing the same work round by round (A B A B ...) after a warm-up, and
 * reports medians. Absolute times on shared machines are noise; the median of the per-round
 * ratios is what the figures print.
 */
public final class Interleaved {

	/** One measured side: does the work once and returns how many units (rows, events) it did. */
	@FunctionalInterface
	public interface Work {

		long run() throws Exception;

	}

	/** Median seconds of each side and the median of per-round ratios (rate A / rate B). */
	public record Result(double medianSecondsA, double medianSecondsB, double medianRateA, double medianRateB,
			double medianRatio) {
	}

	private Interleaved() {
	}

	public static Result measure(int warmups, int rounds, Work a, Work b) throws Exception {
		for (int i = 0; i < warmups; i++) {
			a.run();
			b.run();
		}
		List<Double> secondsA = new ArrayList<>();
		List<Double> secondsB = new ArrayList<>();
		List<Double> ratesA = new ArrayList<>();
		List<Double> ratesB = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			long startA = System.nanoTime();
			long unitsA = a.run();
			double elapsedA = (System.nanoTime() - startA) / 1e9;
			long startB = System.nanoTime();
			long unitsB = b.run();
			double elapsedB = (System.nanoTime() - startB) / 1e9;
			secondsA.add(elapsedA);
			secondsB.add(elapsedB);
			ratesA.add(unitsA / elapsedA);
			ratesB.add(unitsB / elapsedB);
			ratios.add((unitsA / elapsedA) / (unitsB / elapsedB));
		}
		return new Result(median(secondsA), median(secondsB), median(ratesA), median(ratesB), median(ratios));
	}

	public static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
