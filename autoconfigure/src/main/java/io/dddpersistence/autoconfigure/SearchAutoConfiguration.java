package io.dddpersistence.autoconfigure;

import java.util.List;

import io.dddpersistence.specification.OperatorRegistry;
import io.dddpersistence.specification.SearchConversionService;
import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.SearchOperator;
import io.dddpersistence.specification.SearchableFields;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.domain.Specification;

/**
 * The search language: an {@link OperatorRegistry} with the standard operators and your
 * {@link SearchOperator} beans, and a {@link SearchLanguage} over the JPA metamodel with the
 * configured limits, your {@link SearchableFields} beans, and your {@link SearchConversionService}
 * bean if you declare one.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ Specification.class, EntityManagerFactory.class })
@ConditionalOnBean(EntityManagerFactory.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.search.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SearchProperties.class)
public final class SearchAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OperatorRegistry searchOperatorRegistry(ObjectProvider<SearchOperator> operators) {
		return OperatorRegistry.standard().with(operators.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SearchLanguage searchLanguage(EntityManagerFactory entityManagerFactory, OperatorRegistry operators,
			ObjectProvider<SearchConversionService> conversions, SearchProperties properties,
			ObjectProvider<SearchableFields> whitelists) {
		List<SearchableFields> declared = whitelists.orderedStream().toList();
		// not a bean by default: a second ConversionService bean would make injection by type ambiguous
		return new SearchLanguage(entityManagerFactory.getMetamodel(), operators,
				conversions.getIfAvailable(SearchConversionService::new), properties.toLimits(), declared);
	}

}
