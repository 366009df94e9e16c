package io.dddpersistence.sample.notes;

import java.util.UUID;

import io.dddpersistence.owner.OwnerColumn;
import io.dddpersistence.patch.Writable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;
import org.jspecify.annotations.Nullable;

/** A private note: only its owner sees it, and admins. */
@Entity
@Table(name = "notes")
@Writable({ "title", "body" })
public class Note {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private @Nullable UUID id;

	private String title;

	private @Nullable String body;

	@OwnerColumn
	private @Nullable String ownerId;

	@Version
	private @Nullable Long version;

	protected Note() {
		this.title = "";
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable String getBody() {
		return this.body;
	}

	public @Nullable String getOwnerId() {
		return this.ownerId;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

}
