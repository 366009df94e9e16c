package io.dddpersistence.lifecycle.removecallbacks;

import java.util.UUID;

import io.dddpersistence.entity.ArchiveState;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;

/** Archivable, with a JPA remove callback that a delete (an archive) would never run. */
@Entity
public class Leaflet {

	@Id
	private UUID id = UUID.randomUUID();

	@Embedded
	private ArchiveState archive = new ArchiveState();

	@PreRemove
	void notifyPrinter() {
	}

}
