package io.dddpersistence.outbox;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/** Against the real RabbitMQ on 127.0.0.1:5672 (guest/guest). */
class RabbitOutboxPublisherIntegrationTests {

	private static OutboxTestTable outbox;

	private final String exchange = "ddd-outbox-test-" + UUID.randomUUID();

	private final String queue = this.exchange + "-q";

	private CachingConnectionFactory connections;

	private RabbitAdmin admin;

	@BeforeAll
	static void createTable() {
		outbox = OutboxTestTable.create();
	}

	@BeforeEach
	void declare() {
		outbox.clear();
		this.connections = connections(5672);
		this.admin = new RabbitAdmin(this.connections);
		this.admin.declareExchange(new DirectExchange(this.exchange, false, false));
		this.admin.declareQueue(new Queue(this.queue, false, false, false));
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.queue)).to(new DirectExchange(this.exchange)).with("k"));
	}

	@AfterEach
	void cleanUp() {
		this.admin.deleteQueue(this.queue);
		this.admin.deleteExchange(this.exchange);
		this.connections.destroy();
	}

	@Test
	void publishesConfirmedMessagesWithTheirIdAndMarksThemPublished() {
		insert(20, "k");
		OutboxPoller poller = poller(new RabbitOutboxPublisher(template(this.connections), confirmTimeout(Duration.ofSeconds(10))));
		assertThat(poller.pollOnce()).isEqualTo(20);
		assertThat(outbox.count("PUBLISHED")).isEqualTo(20);
		Set<String> stored = new HashSet<>(outbox.jdbc.queryForList("SELECT id::text FROM ddd_outbox_message", String.class));
		Set<String> received = new HashSet<>();
		RabbitTemplate template = template(this.connections);
		for (int i = 0; i < 20; i++) {
			Message message = template.receive(this.queue, 5000);
			assertThat(message).isNotNull();
			assertThat(message.getMessageProperties().getMessageId())
				.isEqualTo(message.getMessageProperties().getHeaders().get(OutboxMessage.ID_HEADER));
			assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).startsWith("{\"n\": ");
			received.add(message.getMessageProperties().getMessageId());
		}
		assertThat(received).isEqualTo(stored);
	}

	@Test
	void anUnroutableMessageIsNotCountedAsPublished() {
		insert(1, "no-such-binding");
		OutboxPoller poller = poller(new RabbitOutboxPublisher(template(this.connections), confirmTimeout(Duration.ofSeconds(10))));
		poller.pollOnce();
		assertThat(outbox.count("PUBLISHED")).isZero();
		assertThat(outbox.jdbc.queryForObject("SELECT last_error FROM ddd_outbox_message", String.class))
			.contains("unroutable");
	}

	@Test
	void aPublisherWithoutConfirmsIsRefused() {
		CachingConnectionFactory plain = new CachingConnectionFactory("127.0.0.1", 5672);
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> new RabbitOutboxPublisher(new RabbitTemplate(plain), confirmTimeout(Duration.ofSeconds(1))))
				.withMessageContaining("publisher-confirm-type=correlated");
		}
		finally {
			plain.destroy();
		}
	}

	@Test
	void whileTheBrokerIsUnreachableNothingIsLostOrMarkedPublishedAndTheBacklogDrainsWhenItIsBack() throws Exception {
		int messages = 300;
		insert(messages, "k");
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		CachingConnectionFactory outage = connections(closedPort);
		OutboxPoller poller = new OutboxPoller(outbox.dataSource, JsonMapper.shared(),
				new RabbitOutboxPublisher(template(outage), confirmTimeout(Duration.ofSeconds(5))),
				OutboxTestTable.fastSettings("rabbit-poller").withBatchSize(100), OutboxObserver.NONE);
		poller.start();
		try {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> outbox.jdbc.queryForObject("SELECT min(attempts) FROM ddd_outbox_message", Integer.class) >= 2);
			assertThat(outbox.count("PUBLISHED")).isZero();
			assertThat(outbox.count("PENDING")).isEqualTo(messages);
			assertThat(outbox.jdbc.queryForObject("SELECT last_error FROM ddd_outbox_message LIMIT 1", String.class))
				.containsIgnoringCase("connect");
			outage.setPort(5672);
			outage.resetConnection();
			await().atMost(Duration.ofSeconds(30)).until(() -> outbox.count("PUBLISHED") == messages);
		}
		finally {
			poller.stop();
			outage.destroy();
		}
		Set<String> received = new HashSet<>();
		RabbitTemplate template = template(this.connections);
		Message message;
		while ((message = template.receive(this.queue, 2000)) != null) {
			received.add(message.getMessageProperties().getMessageId());
		}
		assertThat(received).isEqualTo(new HashSet<>(outbox.jdbc.queryForList("SELECT id::text FROM ddd_outbox_message",
				String.class)));
		assertThat(outbox.claimed()).isZero();
	}

	private void insert(int count, String key) {
		outbox.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, event_type, destination, message_key, payload)
				SELECT gen_random_uuid(), 'Test', ?, ?, jsonb_build_object('n', g) FROM generate_series(1, ?) g""",
				this.exchange, key, count);
	}

	private static OutboxPoller poller(OutboxPublisher publisher) {
		return new OutboxPoller(outbox.dataSource, JsonMapper.shared(), publisher,
				OutboxTestTable.fastSettings("rabbit-poller"), OutboxObserver.NONE);
	}

	private static CachingConnectionFactory connections(int port) {
		CachingConnectionFactory factory = new CachingConnectionFactory("127.0.0.1", port);
		factory.setUsername("guest");
		factory.setPassword("guest");
		factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		factory.setPublisherReturns(true);
		factory.setConnectionTimeout(1000);
		return factory;
	}

	private static RabbitTemplate template(CachingConnectionFactory factory) {
		RabbitTemplate template = new RabbitTemplate(factory);
		template.setMandatory(true);
		return template;
	}

	private static OutboxProperties.Rabbitmq confirmTimeout(Duration timeout) {
		return new OutboxProperties.Rabbitmq("", timeout);
	}

}
