package io.dddpersistence.docs.entitytraits;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.UuidGenerator;
import org.locationtech.jts.geom.Polygon;

import io.dddpersistence.spatial.SpatialColumn;

/** A zone with an area, for the page's spatial specifications. */
@Entity
public class Zone {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@SpatialColumn(type = "POLYGON")
	private Polygon area;

	protected Zone() {
	}

	public Zone(Polygon area) {
		this.area = area;
	}

	public Polygon getArea() {
		return this.area;
	}

}
