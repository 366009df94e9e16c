package io.dddpersistence.sample.orders;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * With the {@code rabbit} profile the outbox publishes to RabbitMQ (see
 * {@code application-rabbit.yml}); this declares the {@code orders} exchange the events go to, a
 * queue bound to it, and a consumer that hands what arrives to {@link PublishedEvents}. The queue is
 * a server-named one that lives as long as this instance, so every running copy of the sample sees
 * every event (a real consumer would declare a durable queue of its own).
 */
@WhenOutboxEnabled
@Configuration(proxyBeanMethods = false)
@Profile("rabbit")
class RabbitOrderEvents {

	private static final Log logger = LogFactory.getLog(RabbitOrderEvents.class);

	@Bean
	TopicExchange ordersExchange() {
		return new TopicExchange("orders");
	}

	@Bean
	Queue sampleOrdersQueue() {
		return new AnonymousQueue();
	}

	@Bean
	Binding sampleOrdersBinding(Queue sampleOrdersQueue, TopicExchange ordersExchange) {
		return BindingBuilder.bind(sampleOrdersQueue).to(ordersExchange).with("#");
	}

	@Bean
	Consumer sampleOrdersConsumer(PublishedEvents published) {
		return new Consumer(published);
	}

	static class Consumer {

		private final PublishedEvents published;

		Consumer(PublishedEvents published) {
			this.published = published;
		}

		@RabbitListener(queues = "#{sampleOrdersQueue.name}")
		void on(Message message) {
			MessageProperties properties = message.getMessageProperties();
			String id = properties.getMessageId();
			try {
				this.published.receive((id != null) ? UUID.fromString(id) : new UUID(0, 0),
						String.valueOf(properties.getType()), properties.getReceivedRoutingKey(),
						new String(message.getBody(), StandardCharsets.UTF_8), "rabbitmq");
			}
			catch (IllegalStateException ex) {
				// Once on the broker, a refused message is the consumer's problem, not the outbox's: drop it.
				logger.warn("Dropped message " + id + ": " + ex.getMessage());
			}
		}

	}

}
