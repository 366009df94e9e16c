package io.dddpersistence.docs.repositories;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

/** An aggregate that is its own entity, for the page's repository examples. */
@Entity
public class Product {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	private String name;

	private String category;

	protected Product() {
	}

	public Product(String name, String category) {
		this.name = name;
		this.category = category;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getCategory() {
		return this.category;
	}

}
