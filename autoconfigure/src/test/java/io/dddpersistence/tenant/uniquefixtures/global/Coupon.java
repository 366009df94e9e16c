package io.dddpersistence.tenant.uniquefixtures.global;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.tenant.uniquefixtures.CouponColumns;

/** A tenant entity whose group leaves the tenant out without saying so. */
@Entity
@Table(name = "coupons")
@UniqueAmongActive("code")
public class Coupon extends CouponColumns {

	protected Coupon() {
	}

	public Coupon(String code) {
		super(code);
	}

}
