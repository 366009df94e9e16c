package io.dddpersistence.docs.search;

import jakarta.persistence.criteria.Expression;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.specification.SearchOperator;

/** A search operator of the application's own: {@code quantity:even}. */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings("unchecked")
class EvenOperatorConfiguration {

	// snippet-start
	@Bean
	SearchOperator even() {
		return SearchOperator.of("even", 0, 0, Integer.class::equals,
			(cb, field, values) -> cb.equal(cb.mod((Expression<Integer>) field, 2), 0));
	}
	// snippet-end

}
