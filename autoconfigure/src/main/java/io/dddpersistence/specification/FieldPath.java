package io.dddpersistence.specification;

import java.util.List;

/**
 * A field path resolved against the JPA metamodel: its canonical (camelCase, dotted) name, each
 * segment's kind, the Java type at its end (boxed; a plural attribute's element type), and for a
 * geometry the SRID its column holds (see {@link ColumnSrid}; the default for other fields).
 */
record FieldPath(String name, List<Segment> segments, Class<?> type, int srid) {

	enum Kind {

		BASIC, EMBEDDED, TO_ONE, TO_MANY, ELEMENTS;

		boolean plural() {
			return this == TO_MANY || this == ELEMENTS;
		}

	}

	record Segment(String attribute, Kind kind) {
	}

	Segment last() {
		return this.segments.get(this.segments.size() - 1);
	}

	/** Whether any segment, the last included, is a collection. */
	boolean crossesCollection() {
		return this.segments.stream().anyMatch((segment) -> segment.kind().plural());
	}

	/** Whether a collection appears before the last segment. */
	boolean crossesCollectionBeforeLast() {
		return this.segments.subList(0, this.segments.size() - 1).stream().anyMatch((s) -> s.kind().plural());
	}

}
