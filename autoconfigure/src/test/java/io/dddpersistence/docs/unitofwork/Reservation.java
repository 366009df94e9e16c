package io.dddpersistence.docs.unitofwork;

import io.dddpersistence.repository.UnitOfWork;

/** Stores an order only when its stock is reserved, with an explicit unit of work scope. */
class Reservation {

	private final UnitOfWork unitOfWork;

	private final OrderRepository orders;

	private final Stock stock;

	Reservation(UnitOfWork unitOfWork, OrderRepository orders, Stock stock) {
		this.unitOfWork = unitOfWork;
		this.orders = orders;
		this.stock = stock;
	}

	void place(Order order) {
		// snippet-start
		try (UnitOfWork.Scope scope = unitOfWork.begin()) {
			orders.add(order);
			if (!stock.reserve(order)) {
				return;                  // closed without commit: rolled back
			}
			scope.commit();
		}
		// snippet-end
	}

}
