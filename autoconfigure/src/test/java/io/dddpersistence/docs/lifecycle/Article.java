package io.dddpersistence.docs.lifecycle;

import java.util.UUID;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTimes;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

@Entity
public class Article {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	private String title;

	private String slug;

	@Version
	private Long version;

	@Embedded
	private AuditTimes audit = new AuditTimes();

	@Embedded
	private ArchiveState archive = new ArchiveState();

	protected Article() {
	}

	public Article(String title) {
		this.title = title;
	}

	public UUID getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void retitle(String title) {
		this.title = title;
	}

	public String getSlug() {
		return this.slug;
	}

	void setSlug(String slug) {
		this.slug = slug;
	}

}
