package io.dddpersistence.benchmarks;

import java.util.Locale;

/** Prints figures in the one format every suite uses: {@code figure SUITE.NAME VALUE UNIT}. */
public final class Figures {

	private final String suite;

	Figures(String suite) {
		this.suite = suite;
	}

	public void print(String name, double value, String unit) {
		String formatted = (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
		System.out.println("figure " + this.suite + "." + name + " " + formatted + " " + unit);
		System.out.flush();
	}

	/** Context for a figure (raw numbers, settings), printed as a comment line. */
	public void note(String text) {
		System.out.println("# " + this.suite + ": " + text);
		System.out.flush();
	}

}
