package io.dddpersistence.docs.unitofwork;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.dddpersistence.repository.UnitOfWork;
import io.dddpersistence.repository.UnitOfWorkHook;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit of work page's samples work as written: run and execute commit, a scope left uncommitted rolls back. */
@SpringBootTest(classes = UnitOfWorkApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poller-enabled=false" })
@FreshDatabase
class UnitOfWorkSamplesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	UnitOfWork unitOfWork;

	@Autowired
	OrderRepository orders;

	@Autowired
	PaymentRepository payments;

	@Test
	void checkoutCommitsTheOrderAndItsPayment() {
		Order order = new Order("lamp", 1, new BigDecimal("40.00"));
		Payment payment = new Payment(UUID.randomUUID(), new BigDecimal("40.00"));

		UUID id = new Checkout(this.unitOfWork, this.orders, this.payments).pay(order, payment);

		assertThat(id).isEqualTo(order.id());
		assertThat(this.orders.get(id)).hasValueSatisfying((stored) -> assertThat(stored.sku()).isEqualTo("lamp"));
		assertThat(this.payments.get(payment.id())).hasValueSatisfying(
				(stored) -> assertThat(stored.amount()).isEqualByComparingTo("40"));
		assertThat(this.context.getBeansOfType(UnitOfWorkHook.class)).containsKey("auditLog");
	}

	@Test
	void reservationKeepsTheOrderOnlyWhenTheStockIsReserved() {
		Stock stock = (order) -> order.quantity() <= 5;
		Reservation reservation = new Reservation(this.unitOfWork, this.orders, stock);

		reservation.place(new Order("chair", 2, new BigDecimal("90.00")));
		reservation.place(new Order("table", 9, new BigDecimal("900.00")));

		assertThat(this.orders.listAll()).extracting(Order::sku).contains("chair").doesNotContain("table");
	}

}
