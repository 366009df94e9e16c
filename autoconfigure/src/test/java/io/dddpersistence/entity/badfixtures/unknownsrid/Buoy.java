package io.dddpersistence.entity.badfixtures.unknownsrid;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Point;

import io.dddpersistence.spatial.SpatialColumn;

/** Declares an SRID in range that PostGIS does not know. */
@Entity
public class Buoy {

	@Id
	@GeneratedValue
	Long id;

	@SpatialColumn(type = "POINT", srid = 123457)
	Point position;

}
