package io.dddpersistence.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * When and by whom an entity was created and last changed: {@code created_at}, {@code updated_at}
 * (UTC {@code timestamptz}, {@code updated_at} indexed), {@code created_by}, {@code updated_by}.
 * Times come from the application's {@link java.time.Clock} bean, actors from its
 * {@code AuditorAware} bean (the Spring Security principal by default when Security is present).
 *
 * <pre class="code">
 * &#64;Embedded
 * private AuditTrail audit = new AuditTrail();
 * </pre>
 */
@Embeddable
public class AuditTrail implements AuditedTimes {

	@Column(name = "created_at", nullable = false, updatable = false)
	private @Nullable Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private @Nullable Instant updatedAt;

	@Column(name = "created_by", updatable = false, length = 255)
	private @Nullable String createdBy;

	@Column(name = "updated_by", length = 255)
	private @Nullable String updatedBy;

	@Override
	public @Nullable Instant getCreatedAt() {
		return this.createdAt;
	}

	@Override
	public @Nullable Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public @Nullable String getCreatedBy() {
		return this.createdBy;
	}

	public @Nullable String getUpdatedBy() {
		return this.updatedBy;
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

	void stampCreatedBy(@Nullable String actor) {
		this.createdBy = actor;
		this.updatedBy = actor;
	}

	void stampUpdatedBy(@Nullable String actor) {
		this.updatedBy = actor;
	}

}
