package io.dddpersistence.sample.stores;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface StoreRepository extends DomainRepository<Store, UUID> {

}
