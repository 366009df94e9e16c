package io.dddpersistence.specification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
class Address {

	@Id
	@GeneratedValue
	Long id;

	String city;

	String street;

	protected Address() {
	}

	Address(String city, String street) {
		this.city = city;
		this.street = street;
	}

}
