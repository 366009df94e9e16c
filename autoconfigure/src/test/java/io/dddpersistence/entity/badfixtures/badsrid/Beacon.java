package io.dddpersistence.entity.badfixtures.badsrid;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Point;

import io.dddpersistence.spatial.SpatialColumn;

/** Declares an SRID out of range. */
@Entity
public class Beacon {

	@Id
	@GeneratedValue
	Long id;

	@SpatialColumn(type = "POINT", srid = -4)
	Point position;

}
