package io.dddpersistence.owner;

import java.util.function.Supplier;

/**
 * Runs work that must see every owner's rows whatever the {@link OwnerPolicy} says, such as a
 * scheduled job or a migration, on the current thread.
 */
public final class OwnerScope {

	private static final ThreadLocal<Boolean> UNRESTRICTED = new ThreadLocal<>();

	private OwnerScope() {
	}

	/** Runs {@code work} seeing and changing every owner's rows. */
	public static <R> R unrestricted(Supplier<R> work) {
		Boolean outer = UNRESTRICTED.get();
		UNRESTRICTED.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				UNRESTRICTED.remove();
			}
		}
	}

	/** Runs {@code work} seeing and changing every owner's rows. */
	public static void unrestricted(Runnable work) {
		unrestricted(() -> {
			work.run();
			return null;
		});
	}

	static boolean isUnrestricted() {
		return UNRESTRICTED.get() != null;
	}

}
