/**
 * Spatial trait: typed PostGIS geometry columns ({@link io.dddpersistence.spatial.SpatialColumn})
 * with a GIST index, checked geometry type and SRID on write, and predicates for
 * specifications ({@link io.dddpersistence.spatial.SpatialSpecifications}): within a distance in
 * metres, within a polygon or bounding box, intersects, and nearest-first ordering.
 */
@NullMarked
package io.dddpersistence.spatial;

import org.jspecify.annotations.NullMarked;
