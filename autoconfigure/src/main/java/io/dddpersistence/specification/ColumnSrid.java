package io.dddpersistence.specification;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.metamodel.Attribute;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

import io.dddpersistence.spatial.SpatialColumn;

/**
 * The SRID a geometry attribute's column holds, as its mapping declares it: the
 * {@link SpatialColumn} annotation, else a typed {@code columnDefinition} such as
 * {@code geometry(Point,4326)}, else 4326, the SRID the search language gives values without one.
 * A geometry value of another SRID is refused: the library does not transform geometries.
 */
final class ColumnSrid {

	static final int DEFAULT = 4326;

	private static final Pattern TYPED_COLUMN = Pattern
		.compile("\\s*geo(?:metry|graphy)\\s*\\(\\s*\\w+\\s*,\\s*(\\d{1,9})\\s*\\).*", Pattern.CASE_INSENSITIVE);

	private ColumnSrid() {
	}

	static int of(Attribute<?, ?> attribute) {
		AnnotatedElement element = element(attribute);
		if (element == null) {
			return DEFAULT;
		}
		SpatialColumn spatial = element.getAnnotation(SpatialColumn.class);
		if (spatial != null) {
			return spatial.srid();
		}
		Column column = element.getAnnotation(Column.class);
		if (column != null) {
			Matcher typed = TYPED_COLUMN.matcher(column.columnDefinition());
			if (typed.matches()) {
				return Integer.parseInt(typed.group(1));
			}
		}
		return DEFAULT;
	}

	/** The SRID of the column behind a criteria path; the default for any other expression. */
	static int of(Expression<?> field) {
		if (field instanceof Path<?> path && path.getModel() instanceof Attribute<?, ?> attribute) {
			return of(attribute);
		}
		return DEFAULT;
	}

	private static @Nullable AnnotatedElement element(Attribute<?, ?> attribute) {
		Member member = attribute.getJavaMember();
		if (member instanceof Field field) {
			return field;
		}
		Field field = ReflectionUtils.findField(attribute.getDeclaringType().getJavaType(), attribute.getName());
		if (field != null) {
			return field;
		}
		// property access: the mapping annotations are on the getter
		return (member instanceof AnnotatedElement getter) ? getter : null;
	}

}
