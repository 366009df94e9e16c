package io.dddpersistence.docs.unitofwork;

import java.util.UUID;

import io.dddpersistence.repository.UnitOfWork;

/** Stores an order and its payment together. */
class Checkout {

	private final UnitOfWork unitOfWork;

	private final OrderRepository orders;

	private final PaymentRepository payments;

	Checkout(UnitOfWork unitOfWork, OrderRepository orders, PaymentRepository payments) {
		this.unitOfWork = unitOfWork;
		this.orders = orders;
		this.payments = payments;
	}

	UUID pay(Order order, Payment payment) {
		// snippet-start
		unitOfWork.run(() -> {
			orders.add(order);
			payments.add(payment);      // both are stored, or neither
		});

		UUID id = unitOfWork.execute(() -> orders.add(order).id());
		// snippet-end
		return id;
	}

}
