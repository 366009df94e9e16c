package io.dddpersistence.outbox;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code outbox} Actuator endpoint: {@code GET} shows the backlog and a page of dead messages;
 * {@code POST} with {@code {"ids": "id1,id2"}} resubmits those dead messages (Actuator reads
 * arguments as plain values, so a list is one comma-separated string), with {@code {"all": "true"}}
 * every dead message.
 */
@Endpoint(id = "outbox")
class OutboxEndpoint {

	private static final int DEFAULT_PAGE = 100;

	private final OutboxAdmin admin;

	OutboxEndpoint(OutboxAdmin admin) {
		this.admin = admin;
	}

	@ReadOperation
	public Report report(@Nullable Integer limit, @Nullable String after) {
		UUID from = (after != null && !after.isBlank()) ? UUID.fromString(after) : null;
		return new Report(this.admin.backlog(), this.admin.deadMessages(from, (limit != null) ? limit : DEFAULT_PAGE));
	}

	@WriteOperation
	public Resubmitted resubmit(@Nullable List<String> ids, @Nullable Boolean all) {
		if (Boolean.TRUE.equals(all)) {
			return new Resubmitted(this.admin.resubmitAllDead());
		}
		if (ids == null || ids.isEmpty()) {
			throw new IllegalArgumentException("Give the ids of the dead messages to resubmit, or all=true");
		}
		return new Resubmitted(this.admin.resubmit(ids.stream().map(UUID::fromString).toList()));
	}

	/**
	 * The backlog and a page of dead messages.
	 * @param backlog the backlog
	 * @param dead dead messages, by id; ask for the next page with {@code after} = the last id
	 */
	public record Report(OutboxBacklog backlog, List<OutboxMessage> dead) {
	}

	/**
	 * The answer to a resubmission.
	 * @param resubmitted how many dead messages are pending again
	 */
	public record Resubmitted(long resubmitted) {
	}

}
