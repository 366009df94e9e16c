package io.dddpersistence.specification;

import jakarta.persistence.Embeddable;

@Embeddable
class Contact {

	String phone;

	String city;

	protected Contact() {
	}

	Contact(String phone, String city) {
		this.phone = phone;
		this.city = city;
	}

}
