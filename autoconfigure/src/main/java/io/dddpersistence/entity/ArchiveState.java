package io.dddpersistence.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The timestamp archive strategy: {@code archived_at} (UTC {@code timestamptz}, null while the row
 * is active) and {@code archived_by}. An entity holding one is archivable: deleting it through a
 * repository archives it, archived rows are invisible on every read path, and
 * {@link Archiving} reads, restores and purges them. Partial indexes
 * {@code ix_<table>_archivable_active} and {@code ix_<table>_archivable_archived} come with it.
 *
 * <pre class="code">
 * &#64;Embedded
 * private ArchiveState archive = new ArchiveState();
 * </pre>
 */
@Embeddable
public class ArchiveState implements ArchiveMarker {

	@Column(name = "archived_at")
	private @Nullable Instant archivedAt;

	@Column(name = "archived_by", length = 255)
	private @Nullable String archivedBy;

	public @Nullable Instant getArchivedAt() {
		return this.archivedAt;
	}

	public @Nullable String getArchivedBy() {
		return this.archivedBy;
	}

	@Override
	public boolean isArchived() {
		return this.archivedAt != null;
	}

	@Override
	public void markArchived(Instant now, @Nullable String actor) {
		this.archivedAt = now;
		this.archivedBy = actor;
	}

	@Override
	public void markActive() {
		this.archivedAt = null;
		this.archivedBy = null;
	}

}
