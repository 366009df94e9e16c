package io.dddpersistence.docs.entitytraits;

import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

import io.dddpersistence.entity.ArchiveState;

/** An archivable entity for the page's archive operations. */
@Entity
public class Document {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	private String slug;

	@Version
	private Long version;

	@Embedded
	private ArchiveState archive = new ArchiveState();

	protected Document() {
	}

	public Document(String slug) {
		this.slug = slug;
	}

	public String getSlug() {
		return this.slug;
	}

}
