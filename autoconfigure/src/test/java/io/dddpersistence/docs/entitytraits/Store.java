package io.dddpersistence.docs.entitytraits;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.UuidGenerator;
import org.locationtech.jts.geom.Point;

import io.dddpersistence.spatial.SpatialColumn;

/** A store with a location, for the page's spatial specifications. */
@Entity
public class Store {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	private String name;

	@SpatialColumn(type = "POINT")
	private Point location;

	protected Store() {
	}

	public Store(String name, Point location) {
		this.name = name;
		this.location = location;
	}

	public String getName() {
		return this.name;
	}

	public Point getLocation() {
		return this.location;
	}

}
