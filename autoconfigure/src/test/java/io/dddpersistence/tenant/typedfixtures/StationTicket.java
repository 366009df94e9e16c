package io.dddpersistence.tenant.typedfixtures;

import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTrail;
import io.dddpersistence.tenant.TenantColumn;

/**
 * Seed 003's names on an existing table: a UUID {@code station_id} tenant, {@code deleted_at} for
 * the archive and {@code created_by_user_id} for the audit's creator.
 */
@Entity
@Table(name = "station_tickets")
public class StationTicket {

	@Id
	private UUID id = UUID.randomUUID();

	// snippet-start
	@TenantColumn(level = "station")
	private UUID stationId;
	// snippet-end

	private String title;

	@Embedded
	@AttributeOverride(name = "createdBy", column = @Column(name = "created_by_user_id", updatable = false))
	private AuditTrail audit = new AuditTrail();

	@Embedded
	@AttributeOverride(name = "archivedAt", column = @Column(name = "deleted_at"))
	private ArchiveState archive = new ArchiveState();

	@Version
	private Long version;

	protected StationTicket() {
	}

	public StationTicket(String title) {
		this.title = title;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getStationId() {
		return this.stationId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public AuditTrail getAudit() {
		return this.audit;
	}

}
