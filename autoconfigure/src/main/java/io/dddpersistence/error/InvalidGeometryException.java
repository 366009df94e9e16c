package io.dddpersistence.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A geometry of the wrong type or spatial reference was about to be written into a typed spatial
 * column. Nothing was written: convert or transform the geometry, or create it with the column's
 * SRID ({@code new GeometryFactory(new PrecisionModel(), 4326)}).
 */
public class InvalidGeometryException extends InvalidDataAccessApiUsageException {

	private final String entityType;

	private final String field;

	public InvalidGeometryException(String entityType, String field, String expected, String actual) {
		super("Cannot write " + actual + " into " + entityType + "." + field + ", which holds " + expected + ".");
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
