package io.dddpersistence.specification;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;

/**
 * A redundant bound on the first sort key of a keyset scroll ({@code created_at >= :last} when
 * ascending). Spring Data writes the keyset condition as {@code a > :a OR (a = :a AND id > :id)},
 * which PostgreSQL cannot turn into one index range; with this bound beside it, the planner walks the
 * sort index from the cursor and stops after one page instead of sorting the rest of the table.
 */
record KeysetSeek<T>(String attribute, Comparable<?> value, boolean ascending) implements Specification<T> {

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Predicate toPredicate(Root<T> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
		jakarta.persistence.criteria.Expression<Comparable> key = root.get(this.attribute);
		Comparable bound = this.value;
		return this.ascending ? cb.greaterThanOrEqualTo(key, bound) : cb.lessThanOrEqualTo(key, bound);
	}

}
