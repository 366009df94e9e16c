package io.dddpersistence.specification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

@Entity
@Searchable(
		filter = { "id", "name", "status", "age", "credit", "vip", "created_at", "birthday", "external_id", "tags",
				"address", "address.city", "contact.phone", "orders", "orders.total", "orders.lines.product", "orders.status" },
		sort = { "id", "name", "created_at", "age", "address.city", "contact.phone", "orders.total" })
class Customer {

	enum Status {

		ACTIVE, PENDING, BLOCKED

	}

	@Id
	@GeneratedValue
	Long id;

	String name;

	String email;

	String passwordHash;

	@Enumerated(EnumType.STRING)
	Status status;

	Integer age;

	@Column(precision = 12, scale = 2)
	BigDecimal credit;

	boolean vip;

	Instant createdAt;

	LocalDate birthday;

	UUID externalId;

	@ManyToOne
	Address address;

	@jakarta.persistence.Embedded
	Contact contact;

	@OneToMany(mappedBy = "customer")
	List<PurchaseOrder> orders = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "customer_tag")
	@Column(name = "tag")
	Set<String> tags = new LinkedHashSet<>();

	protected Customer() {
	}

	Customer(String name, Status status, Integer age, String credit, boolean vip, String createdAt, String birthday,
			Address address, String... tags) {
		this.name = name;
		this.email = name.toLowerCase() + "@example.com";
		this.passwordHash = "hash-of-" + name;
		this.status = status;
		this.age = age;
		this.credit = new BigDecimal(credit);
		this.vip = vip;
		this.createdAt = Instant.parse(createdAt);
		this.birthday = (birthday != null) ? LocalDate.parse(birthday) : null;
		this.externalId = UUID.nameUUIDFromBytes(name.getBytes());
		this.address = address;
		this.contact = new Contact("+33 1 " + name.length(), (address != null) ? address.city : null);
		this.tags.addAll(List.of(tags));
	}

	String name() {
		return this.name;
	}

}
