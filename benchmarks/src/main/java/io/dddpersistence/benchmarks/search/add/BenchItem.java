package io.dddpersistence.benchmarks.search.add;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

/** The row both sides of the add benchmark insert. */
@Entity
@Table(name = "bench_item")
public class BenchItem {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	private String name;

	private String category;

	private BigDecimal price;

	private int quantity;

	protected BenchItem() {
	}

	public BenchItem(String name, String category, BigDecimal price, int quantity) {
		this.name = name;
		this.category = category;
		this.price = price;
		this.quantity = quantity;
	}

}
