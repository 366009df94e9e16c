package io.dddpersistence.autoconfigure;

import io.dddpersistence.repository.PageSizesConfiguration;
import io.dddpersistence.repository.RepositoryProperties;
import io.dddpersistence.specification.SearchConfiguration;
import io.dddpersistence.specification.SearchProperties;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.domain.Specification;

/**
 * Turns the search language on once JPA is configured; its beans are declared in
 * {@link SearchConfiguration}, the page sizes it shares with the repositories in
 * {@link PageSizesConfiguration} (so {@code ddd.persistence.repository.max-page-size} holds even
 * with the repositories turned off).
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ Specification.class, EntityManagerFactory.class })
@ConditionalOnBean(EntityManagerFactory.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.search.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ SearchProperties.class, RepositoryProperties.class })
@Import({ PageSizesConfiguration.class, SearchConfiguration.class })
public final class SearchAutoConfiguration {

}
