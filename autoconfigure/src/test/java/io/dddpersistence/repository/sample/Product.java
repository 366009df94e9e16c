package io.dddpersistence.repository.sample;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

@Entity
public class Product {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	private String name;

	private String category;

	private BigDecimal price;

	protected Product() {
	}

	public Product(String name, String category, BigDecimal price) {
		this.name = name;
		this.category = category;
		this.price = price;
	}

	public UUID getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getName() {
		return this.name;
	}

	public void rename(String name) {
		this.name = name;
	}

	public String getCategory() {
		return this.category;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

}
