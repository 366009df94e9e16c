package io.dddpersistence.docs.eventstore;

import io.dddpersistence.eventstore.EventType;

// snippet-start
@EventType(value = "line-added", revision = 2)
record LineAdded(String sku, int quantity) { }
// snippet-end
