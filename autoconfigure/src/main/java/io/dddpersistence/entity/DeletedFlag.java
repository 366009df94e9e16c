package io.dddpersistence.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The boolean archive strategy: a {@code is_deleted} column, false while the row is active. It
 * behaves like {@link ArchiveState} on every read and write path but records neither when nor
 * by whom; prefer {@link ArchiveState} unless the schema already has the flag.
 *
 * <pre class="code">
 * &#64;Embedded
 * private DeletedFlag deleted = new DeletedFlag();
 * </pre>
 */
@Embeddable
public class DeletedFlag implements ArchiveMarker {

	@Column(name = "is_deleted", nullable = false)
	private boolean deleted;

	@Override
	public boolean isArchived() {
		return this.deleted;
	}

	@Override
	public void markArchived(Instant now, @Nullable String actor) {
		this.deleted = true;
	}

	@Override
	public void markActive() {
		this.deleted = false;
	}

}
