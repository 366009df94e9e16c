package io.dddpersistence.benchmarks.search;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface BenchOrderRepository extends JpaRepository<BenchOrder, Long>, JpaSpecificationExecutor<BenchOrder> {

}
