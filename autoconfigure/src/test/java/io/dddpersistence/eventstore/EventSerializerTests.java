package io.dddpersistence.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dddpersistence.eventstore.TestEvents.LineAdded;
import io.dddpersistence.eventstore.TestEvents.OrderPlaced;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EventSerializerTests {

	final EventSerializer serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL)
		.register(List.of(OrderPlaced.class, LineAdded.class))
		.addUpcasters(List.of(new QuantityDefaultsToOne()));

	@Test
	void eventsAreStoredUnderTheirStableNameAndRevisionAndReadBack() {
		NewEvent event = this.serializer.serialize("order", "o1", new LineAdded("apple", 3), Map.of("user", "ann"));
		assertThat(event.eventType()).isEqualTo("line-added");
		assertThat(event.revision()).isEqualTo(2);
		assertThat(event.metadata()).isEqualTo("{\"user\":\"ann\"}");
		assertThat(this.serializer.deserialize(stored(1, event.eventType(), event.revision(), event.payload())))
			.contains(new LineAdded("apple", 3));
	}

	@Test
	void oldRevisionsAreUpcastWhenRead() {
		assertThat(this.serializer.deserialize(stored(7, "line-added", 1, "{\"sku\": \"pear\"}")))
			.contains(new LineAdded("pear", 1));
	}

	@Test
	void aMissingUpcasterIsNamed() {
		EventSerializer withoutUpcasters = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL)
			.register(List.of(LineAdded.class));
		assertThatExceptionOfType(EventDeserializationException.class)
			.isThrownBy(() -> withoutUpcasters.deserialize(stored(7, "line-added", 1, "{\"sku\": \"pear\"}")))
			.withMessageContaining("position 7")
			.withMessageContaining("no upcaster from revision 1 to 2");
	}

	@Test
	void anUnknownTypeNameFailsNamingItOrIsSkippedWhenConfigured() {
		assertThatExceptionOfType(UnknownEventTypeException.class)
			.isThrownBy(() -> this.serializer.deserialize(stored(9, "invoice-sent", 1, "{}")))
			.withMessageContaining("'invoice-sent'")
			.satisfies((ex) -> assertThat(ex.getPosition()).isEqualTo(9));
		EventSerializer skipping = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.SKIP);
		assertThat(skipping.deserialize(stored(9, "invoice-sent", 1, "{}"))).isEmpty();
	}

	@Test
	void aPayloadThatDoesNotFitNamesPositionAndType() {
		assertThatExceptionOfType(EventDeserializationException.class)
			.isThrownBy(() -> this.serializer.deserialize(stored(11, "order-placed", 1, "{\"customer\": [1, 2]}")))
			.withMessageContaining("position 11")
			.withMessageContaining("'order-placed'")
			.satisfies((ex) -> assertThat(ex.getEventType()).isEqualTo("order-placed"));
	}

	@Test
	void classesWithoutANameOrWithATakenNameAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.serializer.serialize("order", "o1", "plain string"))
			.withMessageContaining("@EventType");
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.register(List.of(Impostor.class)))
			.withMessageContaining("'order-placed' is used by both");
	}

	static StoredEvent stored(long position, String type, int revision, String payload) {
		return new StoredEvent(position, 1, UUID.randomUUID(), "order", "o1", 1, type, revision, payload, "{}",
				Instant.now());
	}

	@EventType("order-placed")
	record Impostor(String customer) {
	}

	static class QuantityDefaultsToOne implements EventUpcaster {

		@Override
		public String eventType() {
			return "line-added";
		}

		@Override
		public int fromRevision() {
			return 1;
		}

		@Override
		public JsonNode upcast(JsonNode payload) {
			return ((ObjectNode) payload).put("quantity", 1);
		}

	}

}
