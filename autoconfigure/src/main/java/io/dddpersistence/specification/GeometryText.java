package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.util.ClassUtils;

/**
 * Reads geometries from WKT, EWKT or GeoJSON text. Geometries without an SRID get 4326 (WGS 84),
 * the default of the spatial trait. Only loaded when JTS is present; GeoJSON needs Jackson 3.
 */
final class GeometryText {

	static final int DEFAULT_SRID = 4326;

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.JsonNode",
			GeometryText.class.getClassLoader());

	private GeometryText() {
	}

	static void register(GenericConversionService conversions) {
		conversions.addConverter(new ConditionalGenericConverter() {

			@Override
			public java.util.Set<ConvertiblePair> getConvertibleTypes() {
				return java.util.Set.of(new ConvertiblePair(String.class, Geometry.class));
			}

			@Override
			public boolean matches(org.springframework.core.convert.TypeDescriptor sourceType,
					org.springframework.core.convert.TypeDescriptor targetType) {
				return Geometry.class.isAssignableFrom(targetType.getType());
			}

			@Override
			public @Nullable Object convert(@Nullable Object source,
					org.springframework.core.convert.TypeDescriptor sourceType,
					org.springframework.core.convert.TypeDescriptor targetType) {
				if (source == null) {
					return null;
				}
				Geometry geometry = read((String) source);
				if (!targetType.getType().isInstance(geometry)) {
					throw new IllegalArgumentException("Expected a " + targetType.getType().getSimpleName()
							+ " but got a " + geometry.getGeometryType());
				}
				return geometry;
			}

		});
	}

	static Geometry read(String text) {
		String trimmed = text.trim();
		if (trimmed.startsWith("{")) {
			if (!JACKSON_PRESENT) {
				throw new IllegalArgumentException("GeoJSON values need Jackson 3 on the class path");
			}
			return GeoJson.read(trimmed);
		}
		int srid = DEFAULT_SRID;
		if (trimmed.regionMatches(true, 0, "SRID=", 0, 5)) {
			int semicolon = trimmed.indexOf(';');
			if (semicolon < 0) {
				throw new IllegalArgumentException("EWKT needs 'SRID=n;' before the geometry");
			}
			srid = Integer.parseInt(trimmed.substring(5, semicolon).trim());
			trimmed = trimmed.substring(semicolon + 1);
		}
		try {
			return new WKTReader(factory(srid)).read(trimmed);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not WKT: " + ex.getMessage(), ex);
		}
	}

	static GeometryFactory factory(int srid) {
		return new GeometryFactory(new PrecisionModel(), srid);
	}

	/** The GeoJSON geometry objects (RFC 7946), coordinates in longitude, latitude order. */
	private static final class GeoJson {

		static Geometry read(String json) {
			tools.jackson.databind.JsonNode node;
			try {
				node = tools.jackson.databind.json.JsonMapper.shared().readTree(json);
			}
			catch (tools.jackson.core.JacksonException ex) {
				throw new IllegalArgumentException("Not GeoJSON: " + ex.getOriginalMessage(), ex);
			}
			GeometryFactory factory = factory(DEFAULT_SRID);
			String type = node.path("type").asString("");
			tools.jackson.databind.JsonNode c = node.path("coordinates");
			return switch (type) {
				case "Point" -> factory.createPoint(coordinate(c));
				case "LineString" -> factory.createLineString(coordinates(c));
				case "Polygon" -> polygon(factory, c);
				case "MultiPoint" -> factory.createMultiPointFromCoords(coordinates(c));
				case "MultiPolygon" -> {
					List<Polygon> polygons = new ArrayList<>();
					for (tools.jackson.databind.JsonNode p : c) {
						polygons.add(polygon(factory, p));
					}
					yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
				}
				default -> throw new IllegalArgumentException("Unsupported GeoJSON type '" + type + "'");
			};
		}

		private static Polygon polygon(GeometryFactory factory, tools.jackson.databind.JsonNode rings) {
			if (!rings.isArray() || rings.isEmpty()) {
				throw new IllegalArgumentException("A GeoJSON polygon needs at least one ring");
			}
			LinearRing shell = factory.createLinearRing(coordinates(rings.get(0)));
			LinearRing[] holes = new LinearRing[rings.size() - 1];
			for (int i = 1; i < rings.size(); i++) {
				holes[i - 1] = factory.createLinearRing(coordinates(rings.get(i)));
			}
			return factory.createPolygon(shell, holes);
		}

		private static Coordinate[] coordinates(tools.jackson.databind.JsonNode array) {
			if (!array.isArray()) {
				throw new IllegalArgumentException("GeoJSON coordinates must be an array");
			}
			Coordinate[] coordinates = new Coordinate[array.size()];
			for (int i = 0; i < array.size(); i++) {
				coordinates[i] = coordinate(array.get(i));
			}
			return coordinates;
		}

		private static Coordinate coordinate(tools.jackson.databind.JsonNode position) {
			if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
					|| !position.get(1).isNumber()) {
				throw new IllegalArgumentException("A GeoJSON position is [longitude, latitude]");
			}
			return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
		}

	}

}
