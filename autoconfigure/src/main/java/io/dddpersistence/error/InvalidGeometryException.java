package io.dddpersistence.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A geometry of the wrong type or spatial reference was about to be written into a typed spatial
 * column, or a spatial query was given a geometry or distance the database cannot compare (a
 * coordinate or distance that is not finite, a negative distance, another SRID than the column's).
 * Nothing was written and no query was sent: convert or transform the geometry, or create it with
 * the column's SRID ({@code new GeometryFactory(new PrecisionModel(), 4326)}).
 */
public class InvalidGeometryException extends InvalidDataAccessApiUsageException {

	private final String entityType;

	private final String field;

	public InvalidGeometryException(String entityType, String field, String expected, String actual) {
		super("Cannot write " + actual + " into " + entityType + "." + field + ", which holds " + expected + ".");
		this.entityType = entityType;
		this.field = field;
	}

	/** A spatial query on the entity's field cannot use its geometry or distance, for the reason given. */
	public InvalidGeometryException(String entityType, String field, String reason) {
		super("Cannot search " + entityType + "." + field + ": " + reason + ".");
		this.entityType = entityType;
		this.field = field;
	}

	/** The entity type, as a simple class name. */
	public String getEntityType() {
		return this.entityType;
	}

	/** The spatial field. */
	public String getField() {
		return this.field;
	}

}
