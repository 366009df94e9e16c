package io.dddpersistence.docs.entitytraits;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import org.springframework.data.domain.PageRequest;

import io.dddpersistence.spatial.SpatialSpecifications;

/** The spatial specifications of the page: stores near a point, in an area, and zones on a route. */
class StoreFinder {

	private final GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), 4326);

	private final StoreRepository stores;

	private final ZoneRepository zones;

	StoreFinder(StoreRepository stores, ZoneRepository zones) {
		this.stores = stores;
		this.zones = zones;
	}

	void find(Polygon polygon, LineString route) {
		// snippet-start
		Point here = geometryFactory.createPoint(new Coordinate(2.35, 48.85));   // lon, lat
		stores.findAll(SpatialSpecifications.<Store>withinDistance("location", here, 500)
				.and(SpatialSpecifications.nearestFirst("location", here)), PageRequest.of(0, 10));
		stores.findAll(SpatialSpecifications.within("location", polygon));
		stores.findAll(SpatialSpecifications.withinBoundingBox("location", 2.2, 48.8, 2.5, 48.9));
		zones.findAll(SpatialSpecifications.intersects("area", route));
		// snippet-end
	}

}
