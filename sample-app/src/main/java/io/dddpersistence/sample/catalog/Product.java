package io.dddpersistence.sample.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;
import org.jspecify.annotations.Nullable;

import io.dddpersistence.entity.AuditTrail;
import io.dddpersistence.specification.Searchable;
import io.dddpersistence.tenant.TenantColumn;

/**
 * A product of one tenant's catalogue. Its version guards against lost updates, its audit trail
 * records who created and last changed it, and its tenant column keeps other tenants out.
 */
@Entity
@Table(name = "products")
@Searchable(filter = { "name", "category", "price" }, sort = { "name", "category", "price" })
public class Product {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private @Nullable UUID id;

	private String name;

	private String category;

	private BigDecimal price;

	@Version
	private @Nullable Long version;

	@Embedded
	private AuditTrail audit = new AuditTrail();

	@TenantColumn
	private @Nullable String tenantId;

	protected Product() {
		this.name = "";
		this.category = "";
		this.price = BigDecimal.ZERO;
	}

	public Product(String name, String category, BigDecimal price) {
		this.name = name;
		this.category = category;
		this.price = price;
	}

	/**
	 * Changes the product as a client asks, based on the version the client read: when the stored
	 * product moved on since, storing it fails with an optimistic concurrency error.
	 */
	public void revise(long basedOnVersion, String name, String category, BigDecimal price) {
		this.version = basedOnVersion;
		this.name = name;
		this.category = category;
		this.price = price;
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getCategory() {
		return this.category;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public AuditTrail getAudit() {
		return this.audit;
	}

	public @Nullable String getTenantId() {
		return this.tenantId;
	}

}
