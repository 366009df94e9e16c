package io.dddpersistence.specification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Point;

import io.dddpersistence.spatial.SpatialColumn;

/** A place in Web Mercator (SRID 3857, metres), to test values against a column's own SRID. */
@Entity
class Site {

	@Id
	@GeneratedValue
	Long id;

	String name;

	@SpatialColumn(type = "POINT", srid = 3857)
	Point position;

	protected Site() {
	}

	Site(String name, Point position) {
		this.name = name;
		this.position = position;
	}

	String name() {
		return this.name;
	}

}
