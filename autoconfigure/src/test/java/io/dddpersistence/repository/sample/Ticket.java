package io.dddpersistence.repository.sample;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

import io.dddpersistence.tenant.TenantColumn;

/** A tenant-owned entity. */
@Entity
public class Ticket {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	@TenantColumn
	private String tenantId;

	private String title;

	protected Ticket() {
	}

	public Ticket(String title) {
		this.title = title;
	}

	public UUID getId() {
		return this.id;
	}

	public String getTenantId() {
		return this.tenantId;
	}

	public void retitle(String title) {
		this.title = title;
	}

}
