package io.dddpersistence.eventstore;

import java.util.List;

import io.micrometer.observation.Observation;

/** What an {@link EventStoreObservation#APPEND} observation knows: the events and, once done, the outcome. */
public class EventAppendContext extends Observation.Context {

	private final List<NewEvent> events;

	private String outcome = "appended";

	public EventAppendContext(List<NewEvent> events) {
		this.events = events;
	}

	/** The events of the append, all of one aggregate. */
	public List<NewEvent> getEvents() {
		return this.events;
	}

	/** {@code appended}, {@code conflict} or {@code error}. */
	public String getOutcome() {
		return this.outcome;
	}

	void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
