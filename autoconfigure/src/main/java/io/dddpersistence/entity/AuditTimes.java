package io.dddpersistence.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * When an entity was created and last changed, as UTC {@code timestamptz} columns
 * {@code created_at} and {@code updated_at} (indexed {@code ix_<table>_updated_at}). The library
 * sets both from the application's {@link java.time.Clock} bean; application code only reads them.
 *
 * <pre class="code">
 * &#64;Embedded
 * private AuditTimes audit = new AuditTimes();
 * </pre>
 */
@Embeddable
public class AuditTimes implements AuditedTimes {

	@Column(name = "created_at", nullable = false, updatable = false)
	private @Nullable Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private @Nullable Instant updatedAt;

	@Override
	public @Nullable Instant getCreatedAt() {
		return this.createdAt;
	}

	@Override
	public @Nullable Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public void stampCreated(Instant now) {
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public void stampUpdated(Instant now) {
		this.updatedAt = now;
	}

}
