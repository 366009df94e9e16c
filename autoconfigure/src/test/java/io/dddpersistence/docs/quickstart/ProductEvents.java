package io.dddpersistence.docs.quickstart;

// snippet-start
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.dddpersistence.outbox.OutboxMessage;

@Component
class ProductEvents {

    private static final Logger log = LoggerFactory.getLogger(ProductEvents.class);

    @EventListener   // after commit, on the outbox poller's thread; may see a message twice
    void on(OutboxMessage message) {
        log.info("Received {} for {}: {}", message.eventType(), message.key(), message.payload());
    }

}
// snippet-end
