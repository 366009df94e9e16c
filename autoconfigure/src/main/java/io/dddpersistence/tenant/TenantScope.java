package io.dddpersistence.tenant;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The current tenant of the running thread, per level. Web requests get theirs bound by the
 * library's request filter from the {@link TenantResolver}; jobs, listeners and tests bind one
 * explicitly for the work they run:
 *
 * <pre class="code">
 * TenantScope.run("acme", () -&gt; orders.findAll());
 * TenantScope.call(Map.of("tenant", "acme", "station", "s-7"), () -&gt; tickets.count());
 * </pre>
 *
 * A scope is restored when the work ends, so scopes nest.
 */
public final class TenantScope {

	private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

	private TenantScope() {
	}

	/** The current tenant of a level, when one is bound. */
	public static Optional<String> current(String level) {
		Map<String, String> tenants = CURRENT.get();
		return Optional.ofNullable((tenants != null) ? tenants.get(level) : null);
	}

	/** The current tenant of the default level, when one is bound. */
	public static Optional<String> current() {
		return current(TenantColumn.DEFAULT_LEVEL);
	}

	/** Runs the work with the given tenant as the default level's tenant. */
	public static void run(String tenant, Runnable work) {
		call(Map.of(TenantColumn.DEFAULT_LEVEL, tenant), () -> {
			work.run();
			return null;
		});
	}

	/** Runs the work with the given tenant as the default level's tenant and returns its result. */
	public static <R> R call(String tenant, Supplier<R> work) {
		return call(Map.of(TenantColumn.DEFAULT_LEVEL, tenant), work);
	}

	/** Runs the work with the given tenants, one per level, and returns its result. */
	public static <R> R call(Map<String, String> tenants, Supplier<R> work) {
		for (Map.Entry<String, String> entry : tenants.entrySet()) {
			if (entry.getValue() == null || entry.getValue().isBlank()) {
				throw new IllegalArgumentException("Tenant of level '" + entry.getKey() + "' must not be blank");
			}
		}
		Map<String, String> previous = CURRENT.get();
		Map<String, String> merged = (previous != null) ? new HashMap<>(previous) : new HashMap<>();
		merged.putAll(tenants);
		CURRENT.set(Map.copyOf(merged));
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	private static void restore(@Nullable Map<String, String> previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
