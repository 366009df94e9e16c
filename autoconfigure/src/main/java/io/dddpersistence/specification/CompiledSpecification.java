package io.dddpersistence.specification;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

/**
 * The Spring Data JPA specification of a checked filter. Paths through to-one associations become
 * left joins (shared by the conditions on the same path, so that {@code or} keeps rows whose
 * association is null); a path through a to-many association becomes a correlated {@code EXISTS}
 * subquery, so that rows never repeat and counts stay right.
 */
final class CompiledSpecification<T> implements Specification<T> {

	private final CheckedFilter filter;

	private final String description;

	CompiledSpecification(CheckedFilter filter, String description) {
		this.filter = filter;
		this.description = description;
	}

	@Override
	public Predicate toPredicate(Root<T> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
		return predicate(this.filter, root, query, cb, new HashMap<>());
	}

	private Predicate predicate(CheckedFilter filter, Root<T> root, CriteriaQuery<?> query, CriteriaBuilder cb,
			Map<String, From<?, ?>> joins) {
		if (filter instanceof CheckedFilter.Group group) {
			Predicate[] parts = group.filters()
				.stream()
				.map((child) -> predicate(child, root, query, cb, joins))
				.toArray(Predicate[]::new);
			return group.all() ? cb.and(parts) : cb.or(parts);
		}
		if (filter instanceof CheckedFilter.Negation negation) {
			return cb.not(predicate(negation.filter(), root, query, cb, joins));
		}
		CheckedFilter.Condition condition = (CheckedFilter.Condition) filter;
		FieldPath path = condition.path();
		if (condition.wholeCollection() || !path.crossesCollection()) {
			return condition.operator().toPredicate(cb, field(root, path, joins), condition.values());
		}
		Subquery<Integer> exists = query.subquery(Integer.class);
		From<?, ?> from = exists.correlate(root);
		Expression<?> field = null;
		List<FieldPath.Segment> segments = path.segments();
		for (int i = 0; i < segments.size(); i++) {
			FieldPath.Segment segment = segments.get(i);
			if (segment.kind() != FieldPath.Kind.TO_ONE && !segment.kind().plural()) {
				field = navigate(from, segments, i);
				break;
			}
			from = from.join(segment.attribute(), JoinType.INNER);
			field = from;
		}
		exists.select(cb.literal(1)).where(condition.operator().toPredicate(cb, Objects.requireNonNull(field, "a path has segments"), condition.values()));
		return cb.exists(exists);
	}

	/** The expression at the end of a path with no collection before its end, left-joining to-ones. */
	private static Expression<?> field(Root<?> root, FieldPath path, Map<String, From<?, ?>> joins) {
		From<?, ?> from = root;
		List<FieldPath.Segment> segments = path.segments();
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < segments.size() - 1; i++) {
			FieldPath.Segment segment = segments.get(i);
			if (segment.kind() != FieldPath.Kind.TO_ONE) {
				return navigate(from, segments, i);
			}
			prefix.append(segment.attribute()).append('.');
			From<?, ?> parent = from;
			from = joins.computeIfAbsent(prefix.toString(),
					(key) -> parent.join(segment.attribute(), JoinType.LEFT));
		}
		return from.get(path.last().attribute());
	}

	/** Walks the rest of a path from segment {@code start} with plain attribute access (embeddables). */
	private static Path<?> navigate(From<?, ?> from, List<FieldPath.Segment> segments, int start) {
		Path<?> path = from.get(segments.get(start).attribute());
		for (int i = start + 1; i < segments.size(); i++) {
			path = path.get(segments.get(i).attribute());
		}
		return path;
	}

	@Override
	public String toString() {
		return "Search specification " + this.description;
	}

}
