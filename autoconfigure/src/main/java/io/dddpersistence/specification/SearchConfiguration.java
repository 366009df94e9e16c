package io.dddpersistence.specification;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search language: an {@link OperatorRegistry} with the standard operators and your
 * {@link SearchOperator} beans, and a {@link SearchLanguage} over the JPA metamodel with the
 * {@link SearchProperties} limits, the {@link PageSizes}, your {@link SearchableFields} beans, and your
 * {@link SearchConversionService} bean if you declare one. Every bean can be replaced by one of your
 * own.
 */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OperatorRegistry searchOperatorRegistry(ObjectProvider<SearchOperator> operators) {
		return OperatorRegistry.standard().with(operators.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SearchLanguage searchLanguage(EntityManagerFactory entityManagerFactory, OperatorRegistry operators,
			ObjectProvider<SearchConversionService> conversions, SearchProperties properties, PageSizes pageSizes,
			ObjectProvider<SearchableFields> whitelists) {
		List<SearchableFields> declared = whitelists.orderedStream().toList();
		// not a bean by default: a second ConversionService bean would make injection by type ambiguous
		return new SearchLanguage(entityManagerFactory.getMetamodel(), operators,
				conversions.getIfAvailable(SearchConversionService::new), properties, pageSizes, declared);
	}

}
