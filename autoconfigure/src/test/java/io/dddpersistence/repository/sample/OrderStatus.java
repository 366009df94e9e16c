package io.dddpersistence.repository.sample;

public enum OrderStatus {

	PENDING, PAID, SHIPPED

}
