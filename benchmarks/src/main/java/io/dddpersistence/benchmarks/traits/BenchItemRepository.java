package io.dddpersistence.benchmarks.traits;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BenchItemRepository extends JpaRepository<BenchItem, UUID> {

}
