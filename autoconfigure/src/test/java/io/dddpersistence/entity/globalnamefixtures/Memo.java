package io.dddpersistence.entity.globalnamefixtures;

import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTrail;

/** Traits with their default names, renamed for every entity by ddd.persistence.entity.columns.*. */
@Entity
@Table(name = "memos")
public class Memo {

	@Id
	UUID id = UUID.randomUUID();

	String text = "";

	@Embedded
	AuditTrail audit = new AuditTrail();

	@Embedded
	ArchiveState archive = new ArchiveState();

	@Version
	Long version;

	public UUID getId() {
		return this.id;
	}

}
