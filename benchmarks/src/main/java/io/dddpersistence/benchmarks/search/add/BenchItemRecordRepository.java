package io.dddpersistence.benchmarks.search.add;

import java.util.UUID;

import io.dddpersistence.repository.MappedDomainRepository;

public interface BenchItemRecordRepository extends MappedDomainRepository<BenchItemRecord, BenchItem, UUID> {

}
