package io.dddpersistence.sample.tickets;

import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;
import org.jspecify.annotations.Nullable;

import io.dddpersistence.entity.DeletedFlag;
import io.dddpersistence.entity.UniqueAmongActive;

/**
 * A ticket for one seat at one event. Cancelling sets its deleted flag (the boolean archive
 * strategy); the pair (event, seat) is unique among the tickets that are not cancelled, so a
 * cancelled seat can be sold again.
 */
@Entity
@Table(name = "tickets")
@UniqueAmongActive({ "event_id", "seat_number" })
public class Ticket {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private @Nullable UUID id;

	private String eventId;

	private String seatNumber;

	private String holder;

	@Version
	private @Nullable Long version;

	@Embedded
	private DeletedFlag deleted = new DeletedFlag();

	protected Ticket() {
		this("", "", "");
	}

	public Ticket(String eventId, String seatNumber, String holder) {
		this.eventId = eventId;
		this.seatNumber = seatNumber;
		this.holder = holder;
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public String getEventId() {
		return this.eventId;
	}

	public String getSeatNumber() {
		return this.seatNumber;
	}

	public String getHolder() {
		return this.holder;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

}
