package io.dddpersistence.sample.documents;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;
import org.jspecify.annotations.Nullable;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTimes;
import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.patch.Writable;
import io.dddpersistence.specification.Searchable;

/**
 * A published document. Deleting archives it, so it can be restored; its slug is unique among the
 * active documents only, so an archived document's slug can be used again.
 */
@Entity
@Table(name = "documents")
@UniqueAmongActive("slug")
@Searchable(filter = { "slug", "title" }, sort = { "slug", "title" })
@Writable({ "title", "body" })
public class Document {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private @Nullable UUID id;

	private String slug;

	private String title;

	private String body;

	@Version
	private @Nullable Long version;

	@Embedded
	private AuditTimes times = new AuditTimes();

	// Hibernate loads an embeddable whose columns are all null (an active document) as null.
	@Embedded
	private @Nullable ArchiveState archive = new ArchiveState();

	protected Document() {
		this("", "", "");
	}

	public Document(String slug, String title, String body) {
		this.slug = slug;
		this.title = title;
		this.body = body;
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public AuditTimes getTimes() {
		return this.times;
	}

	/** When the document was archived; {@code null} while it is active. */
	public @Nullable Instant getArchivedAt() {
		return (this.archive != null) ? this.archive.getArchivedAt() : null;
	}

}
