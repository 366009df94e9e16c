package io.dddpersistence.tenant.uniquefixtures.across;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.tenant.uniquefixtures.CouponColumns;

/** A tenant entity whose code is meant to be unique across all tenants. */
@Entity
@Table(name = "coupons")
@UniqueAmongActive(value = "code", acrossTenants = true)
public class Coupon extends CouponColumns {

	protected Coupon() {
	}

	public Coupon(String code) {
		super(code);
	}

}
