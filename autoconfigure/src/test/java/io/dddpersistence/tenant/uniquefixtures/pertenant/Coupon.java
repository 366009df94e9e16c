package io.dddpersistence.tenant.uniquefixtures.pertenant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.tenant.uniquefixtures.CouponColumns;

/** A tenant entity whose code is unique per tenant. */
@Entity
@Table(name = "coupons")
@UniqueAmongActive({ "tenant_id", "code" })
public class Coupon extends CouponColumns {

	protected Coupon() {
	}

	public Coupon(String code) {
		super(code);
	}

}
