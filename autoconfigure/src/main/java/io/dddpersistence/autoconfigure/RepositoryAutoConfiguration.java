package io.dddpersistence.autoconfigure;

import io.dddpersistence.repository.DomainMappings;
import io.dddpersistence.repository.DomainRepositoryFactory;
import io.dddpersistence.repository.DomainRepositoryPostProcessor;
import io.dddpersistence.repository.UnitOfWork;
import io.dddpersistence.repository.UnitOfWorkHook;
import java.util.stream.Stream;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Domain repositories, mapping and the unit of work: every Spring Data repository extending
 * {@code DomainRepository} or {@code MappedDomainRepository} gets its operations, and a
 * {@link UnitOfWork} runs work with the application's {@link UnitOfWorkHook} beans.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass({ EntityManagerFactory.class, JpaRepository.class, PlatformTransactionManager.class })
@ConditionalOnBooleanProperty(name = "ddd.persistence.repository.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RepositoryProperties.class)
public final class RepositoryAutoConfiguration {

	@Bean
	static DomainRepositoryPostProcessor domainRepositoryPostProcessor() {
		return new DomainRepositoryPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	DomainMappings domainMappings(ObjectProvider<Converter<?, ?>> converters,
			ObjectProvider<GenericConverter> genericConverters) {
		return DomainMappings.withConverters(
				Stream.concat(converters.orderedStream(), genericConverters.orderedStream()).toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
	static class TransactionalConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DomainRepositoryFactory domainRepositoryFactory(BeanFactory beanFactory,
				PlatformTransactionManager transactionManager, DomainMappings domainMappings,
				RepositoryProperties properties, ApplicationEventPublisher events) {
			return new DomainRepositoryFactory(beanFactory, transactionManager, domainMappings,
					properties.toSettings(), events);
		}

		@Bean
		@ConditionalOnMissingBean
		UnitOfWork unitOfWork(PlatformTransactionManager transactionManager, ObjectProvider<UnitOfWorkHook> hooks) {
			return new UnitOfWork(transactionManager, hooks.orderedStream().toList());
		}

	}

}
