package io.dddpersistence.docs.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.dddpersistence.eventstore.Projection;
import io.dddpersistence.eventstore.RecordedEvent;

// snippet-start
@Component
class OrderSummaries implements Projection {
	private final JdbcTemplate jdbc;
	OrderSummaries(JdbcTemplate jdbc) { this.jdbc = jdbc; }

	public String name() { return "order-summaries"; }
	public void handle(RecordedEvent event) {
		if (event.payload() instanceof LineAdded line) {
			jdbc.update("UPDATE order_summary SET lines = lines + 1 WHERE id = ?", event.aggregateId());
		}
	}
	public void reset() { jdbc.update("DELETE FROM order_summary"); }
}
// snippet-end
