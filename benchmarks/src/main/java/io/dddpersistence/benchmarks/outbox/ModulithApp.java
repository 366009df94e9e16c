package io.dddpersistence.benchmarks.outbox;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's side: events published in the transaction, stored by its JDBC event publication
 * registry, delivered after commit to an {@code @ApplicationModuleListener} (asynchronous, its own
 * transaction) that marks the publication completed.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ModulithApp {

	@Bean
	EndToEnd modulithEndToEnd(TransactionTemplate transactions, JdbcTemplate jdbc, ApplicationEventPublisher events) {
		return new EndToEnd(transactions, jdbc, "bench_order_modulith", events::publishEvent);
	}

	@Bean
	Listener modulithListener(EndToEnd endToEnd) {
		return new Listener(endToEnd);
	}

	static class Listener {

		private final EndToEnd endToEnd;

		Listener(EndToEnd endToEnd) {
			this.endToEnd = endToEnd;
		}

		@ApplicationModuleListener
		public void on(OrderPlaced event) {
			this.endToEnd.delivered();
		}

	}

}
