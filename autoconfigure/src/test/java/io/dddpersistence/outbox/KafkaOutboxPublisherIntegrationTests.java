package io.dddpersistence.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real in-process Kafka broker (spring-kafka-test's embedded KRaft broker). */
class KafkaOutboxPublisherIntegrationTests {

	private static final String TOPIC = "ddd-outbox-orders";

	private static OutboxTestTable outbox;

	private static EmbeddedKafkaKraftBroker broker;

	private static DefaultKafkaProducerFactory<String, String> producers;

	@BeforeAll
	static void start() {
		outbox = OutboxTestTable.create();
		broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
		broker.afterPropertiesSet();
		Map<String, Object> config = new HashMap<>(KafkaTestUtils.producerProps(broker.getBrokersAsString()));
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		producers = new DefaultKafkaProducerFactory<>(config);
	}

	@AfterAll
	static void stop() {
		producers.destroy();
		broker.destroy();
	}

	@BeforeEach
	void clear() {
		outbox.clear();
	}

	@Test
	void publishesAcknowledgedMessagesWithKeyAndIdHeaderAndMarksThemPublished() {
		outbox.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, event_type, destination, message_key, payload)
				SELECT gen_random_uuid(), 'Test', ?, 'key-' || (g % 3), jsonb_build_object('n', g)
				FROM generate_series(1, 30) g""", TOPIC);
		OutboxPoller poller = poller(new KafkaOutboxPublisher(new KafkaTemplate<>(producers), sendTimeout(Duration.ofSeconds(30))));
		assertThat(poller.pollOnce()).isEqualTo(30);
		assertThat(outbox.count("PUBLISHED")).isEqualTo(30);
		Set<String> received = new HashSet<>();
		try (Consumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(TOPIC));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (received.size() < 30 && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					assertThat(record.key()).startsWith("key-");
					assertThat(record.value()).startsWith("{\"n\": ");
					received.add(new String(record.headers().lastHeader(OutboxMessage.ID_HEADER).value(),
							StandardCharsets.UTF_8));
				}
			}
		}
		assertThat(received).isEqualTo(new HashSet<>(outbox.jdbc.queryForList("SELECT id::text FROM ddd_outbox_message",
				String.class)));
	}

	@Test
	void aMessageWithoutTopicFailsAndIsNotMarkedPublished() {
		outbox.insert(1);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET destination = NULL");
		poller(new KafkaOutboxPublisher(new KafkaTemplate<>(producers), sendTimeout(Duration.ofSeconds(5)))).pollOnce();
		assertThat(outbox.count("PUBLISHED")).isZero();
		assertThat(outbox.jdbc.queryForObject("SELECT last_error FROM ddd_outbox_message", String.class))
			.contains("default-topic");
	}

	@Test
	void whileKafkaIsUnreachableNothingIsMarkedPublished() throws Exception {
		outbox.insert(5);
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Map<String, Object> config = new HashMap<>(KafkaTestUtils.producerProps("127.0.0.1:" + closedPort));
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
		DefaultKafkaProducerFactory<String, String> unreachable = new DefaultKafkaProducerFactory<>(config);
		try {
			OutboxPoller poller = poller(new KafkaOutboxPublisher(new KafkaTemplate<>(unreachable), sendTimeout(Duration.ofSeconds(2))));
			try {
				poller.pollOnce();
			}
			catch (RuntimeException expected) {
				// the whole batch failed: the poller backs off
			}
			assertThat(outbox.count("PUBLISHED")).isZero();
			assertThat(outbox.count("PENDING")).isEqualTo(5);
			assertThat(outbox.jdbc.queryForObject("SELECT min(attempts) FROM ddd_outbox_message", Integer.class))
				.isEqualTo(1);
		}
		finally {
			unreachable.destroy();
		}
	}

	private static Consumer<String, String> consumer() {
		Map<String, Object> config = new HashMap<>(KafkaTestUtils.consumerProps(broker.getBrokersAsString(), "outbox-test", false));
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer())
			.createConsumer();
	}

	private static OutboxPoller poller(OutboxPublisher publisher) {
		return new OutboxPoller(outbox.dataSource, JsonMapper.shared(), publisher,
				OutboxTestTable.fastSettings("kafka-poller"), OutboxObserver.NONE);
	}

	private static OutboxProperties.Kafka sendTimeout(Duration timeout) {
		return new OutboxProperties.Kafka(null, timeout);
	}

}
