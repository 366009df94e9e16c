package io.dddpersistence.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.ArrayListSpanProcessor;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from the span that wrote a message, through its publication, to the consumer: Micrometer
 * Tracing on OpenTelemetry, the real RabbitMQ on 127.0.0.1:5672 and an embedded Kafka broker.
 */
class OutboxTracePropagationIntegrationTests {

	private static final String TOPIC = "ddd-outbox-traced";

	private static OutboxTestTable outbox;

	private static TransactionTemplate transactions;

	private static EmbeddedKafkaKraftBroker kafka;

	private static DefaultKafkaProducerFactory<String, String> producers;

	private final ArrayListSpanProcessor spans = new ArrayListSpanProcessor();

	private Tracer tracer;

	private Propagator propagator;

	private OutboxObservations observations;

	@BeforeAll
	static void start() {
		outbox = OutboxTestTable.create();
		transactions = new TransactionTemplate(new DataSourceTransactionManager(outbox.dataSource));
		kafka = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
		kafka.afterPropertiesSet();
		Map<String, Object> config = new HashMap<>(KafkaTestUtils.producerProps(kafka.getBrokersAsString()));
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producers = new DefaultKafkaProducerFactory<>(config);
	}

	@AfterAll
	static void stop() {
		producers.destroy();
		kafka.destroy();
	}

	@BeforeEach
	void tracing() {
		outbox.clear();
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSampler(Sampler.alwaysOn())
			.addSpanProcessor(this.spans)
			.build();
		io.opentelemetry.api.trace.Tracer otel = provider.get("outbox-test");
		this.tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), (event) -> {
		});
		this.propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, this.propagator),
					new DefaultTracingObservationHandler(this.tracer)));
		this.observations = new OutboxObservations(registry, TracerTraceHeaders.of(this.tracer, this.propagator), null,
				null, null);
	}

	@Test
	void theTraceThatWroteAMessageContinuesThroughRabbitMqToTheConsumer() {
		String exchange = "ddd-outbox-traced-" + UUID.randomUUID();
		String queue = exchange + "-q";
		CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
		connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		connections.setPublisherReturns(true);
		RabbitAdmin admin = new RabbitAdmin(connections);
		try {
			admin.declareExchange(new DirectExchange(exchange, false, false));
			admin.declareQueue(new Queue(queue, false, false, false));
			admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(new DirectExchange(exchange)).with("k"));
			String traceId = writeInASpan(OutboundMessage.of(exchange, Map.of("n", 1)).key("k"));
			RabbitTemplate template = new RabbitTemplate(connections);
			template.setMandatory(true);
			poller(new RabbitOutboxPublisher(template, new OutboxProperties.Rabbitmq("", Duration.ofSeconds(10))))
				.pollOnce();
			Message received = template.receive(queue, 5000);
			assertThat(received).isNotNull();
			Map<String, String> headers = new HashMap<>();
			received.getMessageProperties().getHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
			assertTheConsumerContinuesTheTrace(traceId, headers);
		}
		finally {
			admin.deleteQueue(queue);
			admin.deleteExchange(exchange);
			connections.destroy();
		}
	}

	@Test
	void theTraceThatWroteAMessageContinuesThroughKafkaToTheConsumer() {
		String traceId = writeInASpan(OutboundMessage.of(TOPIC, Map.of("n", 1)).key("k"));
		poller(new KafkaOutboxPublisher(new KafkaTemplate<>(producers), new OutboxProperties.Kafka(null, Duration.ofSeconds(30))))
			.pollOnce();
		Map<String, String> headers = new HashMap<>();
		try (Consumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(TOPIC));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (headers.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					for (Header header : record.headers()) {
						headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		assertTheConsumerContinuesTheTrace(traceId, headers);
	}

	@Test
	void outsideATraceAMessageIsWrittenWithItsOwnHeadersOnly() {
		OutboxWriter writer = new OutboxWriter(outbox.dataSource, JsonMapper.shared(), this.observations);
		transactions.executeWithoutResult((status) -> writer.write(OutboundMessage.of("orders", Map.of("n", 1))
			.header("tenant", "acme")));
		// outside any span the write observation is the trace's root: its context is what is stored
		String stored = outbox.jdbc.queryForObject("SELECT CAST(headers AS VARCHAR) FROM ddd_outbox_message", String.class);
		assertThat(stored).contains("\"tenant\"").contains("traceparent");
		assertThat(this.spans.spans()).extracting(SpanData::getName).containsExactly("outbox write");
	}

	/** Writes the message inside a span, as a request handler would; returns that span's trace id. */
	private String writeInASpan(OutboundMessage message) {
		OutboxWriter writer = new OutboxWriter(outbox.dataSource, JsonMapper.shared(), this.observations);
		Span request = this.tracer.nextSpan().name("POST /orders").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
			transactions.executeWithoutResult((status) -> writer.write(message));
		}
		finally {
			request.end();
		}
		String stored = outbox.jdbc.queryForObject("SELECT headers ->> 'traceparent' FROM ddd_outbox_message",
				String.class);
		assertThat(stored).contains(request.context().traceId());
		return request.context().traceId();
	}

	private void assertTheConsumerContinuesTheTrace(String traceId, Map<String, String> headers) {
		assertThat(headers).containsKey("traceparent");
		SpanData write = span("outbox write");
		SpanData publish = spanNamed(" publish");
		assertThat(write.getTraceId()).isEqualTo(traceId);
		assertThat(publish.getTraceId()).isEqualTo(traceId);
		assertThat(publish.getParentSpanId()).isEqualTo(write.getSpanId());
		assertThat(headers.get("traceparent")).contains(publish.getSpanId());
		Span consumer = this.propagator.extract(headers, (carrier, name) -> carrier.get(name)).name("consume").start();
		consumer.end();
		assertThat(consumer.context().traceId()).isEqualTo(traceId);
		assertThat(consumer.context().parentId()).isEqualTo(publish.getSpanId());
	}

	private SpanData span(String name) {
		return this.spans.spans().stream().filter((span) -> span.getName().equals(name)).findFirst().orElseThrow();
	}

	private SpanData spanNamed(String suffix) {
		return this.spans.spans().stream().filter((span) -> span.getName().endsWith(suffix)).findFirst().orElseThrow();
	}

	private OutboxPoller poller(OutboxPublisher publisher) {
		return new OutboxPoller(outbox.dataSource, JsonMapper.shared(), publisher,
				OutboxTestTable.fastSettings("traced"), OutboxObserver.NONE, this.observations);
	}

	private static Consumer<String, String> consumer() {
		Map<String, Object> config = new HashMap<>(KafkaTestUtils.consumerProps(kafka.getBrokersAsString(), "traced", false));
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer())
			.createConsumer();
	}

}
