package io.dddpersistence.benchmarks.outbox;

import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxMessage;
import io.dddpersistence.outbox.OutboxWriter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The library's side: outbox writer, poller with the in-process publisher, a no-op listener. */
@SpringBootConfiguration
@EnableAutoConfiguration
class LibraryApp {

	@Bean
	EndToEnd libraryEndToEnd(TransactionTemplate transactions, JdbcTemplate jdbc, OutboxWriter outbox) {
		return new EndToEnd(transactions, jdbc, "bench_order_library", (event) -> outbox
			.write(OutboundMessage.of("orders", event).aggregate("Order", event.orderId().toString())));
	}

	@Bean
	Listener libraryListener(EndToEnd endToEnd) {
		return new Listener(endToEnd);
	}

	static class Listener {

		private final EndToEnd endToEnd;

		Listener(EndToEnd endToEnd) {
			this.endToEnd = endToEnd;
		}

		@EventListener
		void on(OutboxMessage message) {
			this.endToEnd.delivered();
		}

	}

}
