package io.dddpersistence.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketsEndToEndTests extends EndToEndTests {

	@Test
	void aSeatHasOneActiveTicketAndCanBeSoldAgainOnceCancelled() {
		String event = unique("concert");
		Reply sold = sell(event, "A12", "ann");
		assertThat(sold.status()).isEqualTo(201);
		assertThat(get("/tickets/{id}", sold.text("id")).text("holder")).isEqualTo("ann");
		assertThat(sell(event, "A13", "bob").status()).isEqualTo(201);
		assertThat(sell(unique("concert"), "A12", "cid").status()).isEqualTo(201);

		Reply taken = sell(event, "A12", "dan");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.text("code")).isEqualTo("duplicate-value");
		assertThat(taken.text("constraint")).isEqualTo("uq_tickets_archivable_event_id_seat_number");

		assertThat(delete("/tickets/{id}", sold.text("id")).status()).isEqualTo(204);
		assertThat(get("/tickets/{id}", sold.text("id")).status()).isEqualTo(404);
		assertThat(sell(event, "A12", "dan").status()).isEqualTo(201);
	}

	private Reply sell(String event, String seat, String holder) {
		return post("/tickets", Map.of("eventId", event, "seatNumber", seat, "holder", holder));
	}

}
