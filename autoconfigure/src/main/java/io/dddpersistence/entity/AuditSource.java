package io.dddpersistence.entity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Where audit stamps come from: the application's {@link Clock} (replace the bean in tests) and
 * the current actor (from an {@code AuditorAware} bean, the Spring Security principal, or a
 * configured system name).
 *
 * @param clock the clock for {@code created_at}, {@code updated_at} and {@code archived_at}
 * @param actor the current actor for {@code created_by}, {@code updated_by} and {@code archived_by}
 */
public record AuditSource(Clock clock, Supplier<@Nullable String> actor) {

	/** Microsecond precision: what PostgreSQL's timestamptz stores, so values read back equal those written. */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	@Nullable String currentActor() {
		return this.actor.get();
	}

}
