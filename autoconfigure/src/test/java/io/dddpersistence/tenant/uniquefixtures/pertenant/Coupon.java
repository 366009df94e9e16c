package io.dddpersistence.tenant.uniquefixtures.pertenant;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.tenant.TenantColumn;

/** A tenant entity whose code is unique per tenant. */
@Entity
@Table(name = "coupons")
@UniqueAmongActive({ "tenant_id", "code" })
public class Coupon {

	@Id
	@GeneratedValue
	Long id;

	String code;

	@TenantColumn
	String tenantId;

	@Embedded
	ArchiveState archive = new ArchiveState();

	protected Coupon() {
	}

	public Coupon(String code) {
		this.code = code;
	}

}
