package io.dddpersistence.entity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The two archive strategies, as the library changes them. */
interface ArchiveMarker {

	boolean isArchived();

	void markArchived(Instant now, @Nullable String actor);

	void markActive();

}
