package io.dddpersistence.repository.sample;

import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

import io.dddpersistence.entity.ArchiveState;

/** An archivable entity: removing it through the repository archives it. */
@Entity
public class Note {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	private String text;

	@Embedded
	private ArchiveState archive = new ArchiveState();

	protected Note() {
	}

	public Note(String text) {
		this.text = text;
	}

	public UUID getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

	public ArchiveState getArchive() {
		return this.archive;
	}

}
