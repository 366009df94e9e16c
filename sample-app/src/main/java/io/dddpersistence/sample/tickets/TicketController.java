package io.dddpersistence.sample.tickets;

import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.sample.web.NotFoundException;

/** Tickets: selling a seat that already has an active ticket answers 409; DELETE cancels. */
@RestController
@RequestMapping("/tickets")
class TicketController {

	private final TicketRepository tickets;

	TicketController(TicketRepository tickets) {
		this.tickets = tickets;
	}

	@PostMapping
	ResponseEntity<TicketView> sell(@RequestBody NewTicket request) {
		Ticket ticket = this.tickets.add(new Ticket(request.eventId(), request.seatNumber(), request.holder()));
		return ResponseEntity.created(URI.create("/tickets/" + ticket.getId())).body(TicketView.of(ticket));
	}

	@GetMapping("/{id}")
	TicketView get(@PathVariable UUID id) {
		return TicketView.of(find(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> cancel(@PathVariable UUID id) {
		find(id);
		this.tickets.remove(id);
		return ResponseEntity.noContent().build();
	}

	private Ticket find(UUID id) {
		return this.tickets.get(id).orElseThrow(() -> new NotFoundException("Ticket", id));
	}

	record NewTicket(String eventId, String seatNumber, String holder) {
	}

	record TicketView(@Nullable UUID id, String eventId, String seatNumber, String holder, @Nullable Long version) {

		static TicketView of(Ticket ticket) {
			return new TicketView(ticket.getId(), ticket.getEventId(), ticket.getSeatNumber(), ticket.getHolder(),
					ticket.getVersion());
		}

	}

}
