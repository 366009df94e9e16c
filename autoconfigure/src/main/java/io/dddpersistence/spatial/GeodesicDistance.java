package io.dddpersistence.spatial;

import net.sf.geographiclib.Geodesic;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The distance in metres on the WGS 84 spheroid between two longitude/latitude geometries, as the
 * H2 function {@code DDD_GEODESIC_METRES}: H2GIS has no geography type, and its
 * {@code ST_DistanceSphere} measures on a sphere, up to half a percent away from what PostGIS's
 * geography reports. Between points the result is the geodesic distance (GeographicLib, as PostGIS
 * uses); for lines and polygons the nearest pair of points is found in degrees first, then
 * measured on the spheroid. Public only because H2 calls it by name.
 */
public final class GeodesicDistance {

	private GeodesicDistance() {
	}

	/** Metres between the geometries, zero when they touch, NULL when either is NULL or empty. */
	public static @Nullable Double metres(@Nullable Geometry a, @Nullable Geometry b) {
		if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
			return null;
		}
		if (a.intersects(b)) {
			return 0.0;
		}
		Coordinate[] nearest = DistanceOp.nearestPoints(a, b);
		return Geodesic.WGS84.Inverse(nearest[0].y, nearest[0].x, nearest[1].y, nearest[1].x).s12;
	}

}
