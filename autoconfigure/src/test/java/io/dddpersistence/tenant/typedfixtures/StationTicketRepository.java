package io.dddpersistence.tenant.typedfixtures;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StationTicketRepository extends JpaRepository<StationTicket, UUID> {

	List<StationTicket> findByTitle(String title);

}
