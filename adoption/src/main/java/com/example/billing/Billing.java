package com.example.billing;

import java.math.BigDecimal;
import java.util.Map;

import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxWriter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues invoices, telling the rest of the company through the outbox in the same transaction. */
@Service
public class Billing {

	private final Invoices invoices;

	private final OutboxWriter outbox;

	Billing(Invoices invoices, OutboxWriter outbox) {
		this.invoices = invoices;
		this.outbox = outbox;
	}

	@Transactional
	public Invoice issue(String number, String customer, BigDecimal amount) {
		Invoice invoice = this.invoices.save(new Invoice(number, customer, amount));
		this.outbox.write(OutboundMessage.of("invoices", Map.of("number", number, "amount", amount)));
		return invoice;
	}

}
