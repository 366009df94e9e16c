package io.dddpersistence.specification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ClassUtils;

/**
 * The conversions of search values from text: Spring's defaults (numbers, {@code BigDecimal},
 * booleans, UUIDs), enum constants ignoring case, ISO-8601 dates and times, and JTS geometries from
 * WKT, EWKT ({@code SRID=3857;POINT(...)}) or GeoJSON when JTS is present. Declare a subclass as a
 * bean to add your own.
 */
public class SearchConversionService extends DefaultConversionService {

	private static final boolean JTS_PRESENT = ClassUtils.isPresent("org.locationtech.jts.geom.Geometry",
			SearchConversionService.class.getClassLoader());

	public SearchConversionService() {
		addConverter(String.class, Instant.class, (Converter<String, Instant>) (text) -> {
			String trimmed = text.trim();
			// an offset other than Z is still one instant
			return (trimmed.endsWith("Z") || trimmed.endsWith("z")) ? Instant.parse(trimmed)
					: OffsetDateTime.parse(trimmed).toInstant();
		});
		addConverter(String.class, OffsetDateTime.class,
				(Converter<String, OffsetDateTime>) (text) -> OffsetDateTime.parse(text.trim()));
		addConverter(String.class, ZonedDateTime.class,
				(Converter<String, ZonedDateTime>) (text) -> ZonedDateTime.parse(text.trim()));
		addConverter(String.class, LocalDate.class, (Converter<String, LocalDate>) (text) -> LocalDate.parse(text.trim()));
		addConverter(String.class, LocalDateTime.class,
				(Converter<String, LocalDateTime>) (text) -> LocalDateTime.parse(text.trim()));
		addConverter(String.class, LocalTime.class, (Converter<String, LocalTime>) (text) -> LocalTime.parse(text.trim()));
		addConverterFactory(new EnumIgnoringCase());
		if (JTS_PRESENT) {
			GeometryText.register(this);
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final class EnumIgnoringCase implements ConverterFactory<String, Enum> {

		@Override
		public <E extends Enum> Converter<String, E> getConverter(Class<E> targetType) {
			Class<?> enumType = targetType;
			while (enumType != null && !enumType.isEnum()) {
				enumType = enumType.getSuperclass();
			}
			Class<?> type = enumType;
			return (text) -> {
				String name = text.trim();
				for (Object constant : type.getEnumConstants()) {
					if (((Enum) constant).name().equalsIgnoreCase(name)) {
						return (E) constant;
					}
				}
				throw new IllegalArgumentException("No constant " + name.toUpperCase(Locale.ROOT) + " in " + type);
			};
		}

	}

}
