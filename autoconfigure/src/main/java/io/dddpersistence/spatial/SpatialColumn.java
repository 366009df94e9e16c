package io.dddpersistence.spatial;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a JTS geometry field as a typed PostGIS column, {@code geometry(<type>,<srid>)}, with a
 * GIST index {@code ix_<table>_<column>}. Writing a geometry of another type or SRID is refused
 * before any SQL is sent. An unknown type or an SRID out of range fails start-up.
 *
 * <pre class="code">
 * &#64;SpatialColumn(type = "POINT")
 * private Point geom;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SpatialColumn {

	/** The geometry type: GEOMETRY (any), POINT, LINESTRING, POLYGON, or a MULTI/COLLECTION type. */
	String type() default "GEOMETRY";

	/** The spatial reference id; 4326 (WGS 84 longitude/latitude) by default. */
	int srid() default 4326;

}
