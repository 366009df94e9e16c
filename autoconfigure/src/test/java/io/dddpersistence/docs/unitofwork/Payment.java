package io.dddpersistence.docs.unitofwork;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

/** A payment for an order. */
@Entity
public class Payment {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	private UUID orderId;

	private BigDecimal amount;

	protected Payment() {
	}

	public Payment(UUID orderId, BigDecimal amount) {
		this.orderId = orderId;
		this.amount = amount;
	}

	public UUID id() {
		return this.id;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public BigDecimal amount() {
		return this.amount;
	}

}
