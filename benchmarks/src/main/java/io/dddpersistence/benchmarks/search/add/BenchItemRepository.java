package io.dddpersistence.benchmarks.search.add;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface BenchItemRepository extends DomainRepository<BenchItem, UUID> {

}
