package io.dddpersistence.outbox;

import io.micrometer.observation.Observation;

/** What an {@link OutboxObservation#CLAIM} observation knows: the poller, and how many messages it claimed. */
public class OutboxClaimContext extends Observation.Context {

	private final String pollerId;

	private final boolean ordered;

	private int claimed;

	public OutboxClaimContext(String pollerId, boolean ordered) {
		this.pollerId = pollerId;
		this.ordered = ordered;
	}

	/** The id the poller writes into {@code claimed_by}. */
	public String getPollerId() {
		return this.pollerId;
	}

	/** Whether the poller claims in per-key order. */
	public boolean isOrdered() {
		return this.ordered;
	}

	/** How many messages the claim took; 0 until it returned. */
	public int getClaimed() {
		return this.claimed;
	}

	void setClaimed(int claimed) {
		this.claimed = claimed;
	}

}
