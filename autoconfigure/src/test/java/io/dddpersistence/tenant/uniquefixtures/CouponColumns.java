package io.dddpersistence.tenant.uniquefixtures;

import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.tenant.TenantColumn;

/** The columns of the coupon fixtures, which differ only in their unique-among-active group. */
@MappedSuperclass
public abstract class CouponColumns {

	@Id
	@GeneratedValue
	Long id;

	String code;

	@TenantColumn
	String tenantId;

	@Embedded
	ArchiveState archive = new ArchiveState();

	protected CouponColumns() {
	}

	protected CouponColumns(String code) {
		this.code = code;
	}

}
