package io.dddpersistence.benchmarks.traits;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface BenchItemRepository extends DomainRepository<BenchItem, UUID> {

}
