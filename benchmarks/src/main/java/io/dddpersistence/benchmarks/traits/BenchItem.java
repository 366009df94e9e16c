package io.dddpersistence.benchmarks.traits;

import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTrail;
import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.tenant.TenantColumn;

/** Every trait but spatial: UUID v7 key, version, audit times and actors, archive, tenant. */
@Entity
@Table(name = "bench_items")
@UniqueAmongActive({ "tenant_id", "code" })
public class BenchItem {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@TenantColumn
	private String tenantId;

	private String code;

	private String name;

	private int quantity;

	@Version
	private Long version;

	@Embedded
	private AuditTrail audit = new AuditTrail();

	@Embedded
	private ArchiveState archive = new ArchiveState();

	protected BenchItem() {
	}

	public BenchItem(String code, String name, int quantity) {
		this.code = code;
		this.name = name;
		this.quantity = quantity;
	}

	/** One more in stock: the change the hooks benchmark writes. */
	public void restock() {
		this.quantity++;
	}

}
