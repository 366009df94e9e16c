package io.dddpersistence.repository.sample;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface TicketRepository extends DomainRepository<Ticket, UUID> {

}
