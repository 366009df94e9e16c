package io.dddpersistence.docs.eventstore;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The event store page's samples, as an application that a test starts and exercises. */
@SpringBootApplication
public class EventStoreApplication {

}
