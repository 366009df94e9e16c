package io.dddpersistence.benchmarks.search;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The searched rows: 200,000 orders filled by plain JDBC. */
@Entity
@Table(name = "bench_order")
public class BenchOrder {

	@Id
	Long id;

	String status;

	String region;

	BigDecimal total;

	Instant createdAt;

	protected BenchOrder() {
	}

	public Long getId() {
		return this.id;
	}

}
