package io.dddpersistence.entity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What the library stamps on an audited embeddable: times, and for {@link AuditTrail} actors. */
interface AuditedTimes {

	@Nullable Instant getCreatedAt();

	@Nullable Instant getUpdatedAt();

	void stampCreated(Instant now);

	void stampUpdated(Instant now);

}
