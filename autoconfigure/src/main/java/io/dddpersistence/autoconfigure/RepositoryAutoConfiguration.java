package io.dddpersistence.autoconfigure;

import io.dddpersistence.repository.PageSizesConfiguration;
import io.dddpersistence.repository.RepositoryConfiguration;
import io.dddpersistence.repository.RepositoryProperties;
import io.dddpersistence.specification.SearchProperties;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Turns the domain repositories and the unit of work on after JPA and transactions are configured;
 * their beans are declared in {@link RepositoryConfiguration}, the page sizes they share with the
 * search language in {@link PageSizesConfiguration} (whose deprecated aliases are search
 * properties, hence both).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass({ EntityManagerFactory.class, JpaRepository.class, PlatformTransactionManager.class })
@ConditionalOnBooleanProperty(name = "ddd.persistence.repository.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ RepositoryProperties.class, SearchProperties.class })
@Import({ PageSizesConfiguration.class, RepositoryConfiguration.class })
public final class RepositoryAutoConfiguration {

}
