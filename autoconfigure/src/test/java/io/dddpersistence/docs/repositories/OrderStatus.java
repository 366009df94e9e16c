package io.dddpersistence.docs.repositories;

public enum OrderStatus {

	PENDING, PAID, SHIPPED

}
