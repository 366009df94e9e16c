package io.dddpersistence.docs.eventstore;

import io.dddpersistence.eventstore.EventType;

@EventType("order-placed")
record OrderPlaced(String customer) {
}
