package io.dddpersistence.benchmarks;

/** Entry point of {@code benchmarks/run}: runs one suite by name. */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String suite = (args.length > 0) ? args[0] : "all";
		throw new IllegalArgumentException("Unknown suite '" + suite + "'");
	}

}
