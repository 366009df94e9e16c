package io.dddpersistence.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import io.dddpersistence.entity.Archiving;
import io.dddpersistence.entity.AuditSource;
import io.dddpersistence.entity.DeclaredIndex;
import io.dddpersistence.entity.DeclaredIndexes;
import io.dddpersistence.entity.IndexCheck;
import io.dddpersistence.entity.TraitIndexes;

/**
 * What the entity traits offer once an entity manager factory exists: the {@link Archiving}
 * operations and the start-up check of the indexes the traits declare.
 */
@AutoConfiguration(after = { HibernateJpaAutoConfiguration.class, EntityTraitsAutoConfiguration.class })
@ConditionalOnBean({ EntityManagerFactory.class, PlatformTransactionManager.class })
public final class EntityOperationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Archiving archiving(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			AuditSource auditSource) {
		return new Archiving(entityManagerFactory, transactionManager, auditSource);
	}

	@Bean
	@ConditionalOnBean(DataSource.class)
	SmartInitializingSingleton entityTraitIndexCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			EntityProperties properties, ObjectProvider<DeclaredIndexes> more) {
		return () -> {
			if (properties.getIndexCheck() == EntityProperties.IndexCheck.OFF) {
				return;
			}
			List<DeclaredIndex> declared = new ArrayList<>(TraitIndexes.declaredBy(entityManagerFactory));
			more.orderedStream().forEach((source) -> declared.addAll(source.declaredBy(entityManagerFactory)));
			new IndexCheck(dataSource, properties.getIndexCheck() == EntityProperties.IndexCheck.FAIL).verify(declared);
		};
	}

}
