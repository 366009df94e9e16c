package io.dddpersistence.outbox.capture;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ShopOrders extends JpaRepository<ShopOrder, UUID> {

}
