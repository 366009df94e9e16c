package io.dddpersistence.tenant.typedfixtures;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The station's tickets over HTTP, the station taken from the {@code X-Station-Id} header. */
@RestController
public class StationTicketController {

	private final StationTicketRepository tickets;

	StationTicketController(StationTicketRepository tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/station-tickets")
	List<String> titles() {
		return this.tickets.findAll().stream().map(StationTicket::getTitle).toList();
	}

	@PostMapping("/station-tickets")
	UUID open(@RequestParam String title) {
		return this.tickets.save(new StationTicket(title)).getId();
	}

}
