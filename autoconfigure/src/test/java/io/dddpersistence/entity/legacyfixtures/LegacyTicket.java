package io.dddpersistence.entity.legacyfixtures;

import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTimes;

/** An existing table's names: {@code deleted_at}/{@code deleted_by} and {@code modified_at}. */
@Entity
@Table(name = "legacy_tickets")
public class LegacyTicket {

	@Id
	UUID id = UUID.randomUUID();

	String title = "";

	@Embedded
	@AttributeOverride(name = "createdAt", column = @Column(name = "created_at", nullable = false, updatable = false))
	@AttributeOverride(name = "updatedAt", column = @Column(name = "modified_at", nullable = false))
	AuditTimes audit = new AuditTimes();

	// snippet-start
	@Embedded
	@AttributeOverride(name = "archivedAt", column = @Column(name = "deleted_at"))
	@AttributeOverride(name = "archivedBy", column = @Column(name = "deleted_by"))
	private ArchiveState archive = new ArchiveState();
	// snippet-end

	public UUID getId() {
		return this.id;
	}

}
