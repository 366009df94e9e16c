package io.dddpersistence.eventstore;

import io.micrometer.observation.Observation;

/** What an {@link EventStoreObservation#PROJECTION} observation knows: the projection and the batch's size. */
public class ProjectionContext extends Observation.Context {

	private final String projection;

	private final int events;

	public ProjectionContext(String projection, int events) {
		this.projection = projection;
		this.events = events;
	}

	/** The projection's name. */
	public String getProjection() {
		return this.projection;
	}

	/** How many events the batch read. */
	public int getEvents() {
		return this.events;
	}

}
