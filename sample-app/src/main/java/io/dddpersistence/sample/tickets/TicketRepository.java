package io.dddpersistence.sample.tickets;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface TicketRepository extends DomainRepository<Ticket, UUID> {

}
