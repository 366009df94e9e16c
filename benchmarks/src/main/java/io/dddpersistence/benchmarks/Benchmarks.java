package io.dddpersistence.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code benchmarks/run SUITE}. A suite is a class {@code <Name>Suite} in this
 * package with a public no-argument constructor implementing {@link Suite}; it is looked up by
 * name so that suites can be added without touching this class.
 */
public final class Benchmarks {

	private static final Map<String, String> SUITES = new LinkedHashMap<>();

	static {
		SUITES.put("traits", "TraitsSuite");
		SUITES.put("search", "SearchSuite");
		SUITES.put("outbox", "OutboxSuite");
		SUITES.put("event-store", "EventStoreSuite");
		SUITES.put("test-kit", "TestKitSuite");
	}

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String requested = (args.length > 0) ? args[0] : "all";
		if (args.length > 1) {
			System.setProperty(Parts.PROPERTY, args[1]);
		}
		if (!requested.equals("all") && !SUITES.containsKey(requested)) {
			throw new IllegalArgumentException(
					"Unknown suite '" + requested + "'; choose one of " + SUITES.keySet() + " or all");
		}
		for (Map.Entry<String, String> entry : SUITES.entrySet()) {
			if (requested.equals("all") || requested.equals(entry.getKey())) {
				Suite suite = load(entry.getValue());
				if (suite == null) {
					System.err.println("suite " + entry.getKey() + " is not written yet");
					continue;
				}
				System.err.println("running suite " + entry.getKey());
				suite.run(new Figures(entry.getKey()));
			}
		}
		System.exit(0);
	}

	private static Suite load(String simpleName) throws ReflectiveOperationException {
		try {
			Class<?> type = Class.forName(Benchmarks.class.getPackageName() + "." + simpleName);
			return (Suite) type.getDeclaredConstructor().newInstance();
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}
