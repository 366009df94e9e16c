package io.dddpersistence.specification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Point;

@Entity
class Place {

	@Id
	@GeneratedValue
	Long id;

	String name;

	@Column(columnDefinition = "geometry(Point,4326)")
	Point location;

	protected Place() {
	}

	Place(String name, Point location) {
		this.name = name;
		this.location = location;
	}

	String name() {
		return this.name;
	}

}
