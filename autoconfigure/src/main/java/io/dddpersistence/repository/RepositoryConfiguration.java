package io.dddpersistence.repository;

import java.util.stream.Stream;

import io.dddpersistence.specification.PageSizes;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Domain repositories, mapping and the unit of work: every Spring Data repository extending
 * {@link DomainRepository} or {@link MappedDomainRepository} gets its operations, and a
 * {@link UnitOfWork} runs work with the application's {@link UnitOfWorkHook} beans. The page sizes
 * come from {@link PageSizesConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class RepositoryConfiguration {

	/**
	 * Not replaceable: the post-processor is how repositories get their operations at all (turn it off
	 * with {@code ddd.persistence.repository.enabled=false}); static, as every post-processor.
	 */
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

	/** The beans that need the application's one transaction manager. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
	static class TransactionalConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DomainRepositoryFactory domainRepositoryFactory(BeanFactory beanFactory,
				PlatformTransactionManager transactionManager, DomainMappings domainMappings,
				RepositoryProperties properties, PageSizes pageSizes, ApplicationEventPublisher events) {
			return new DomainRepositoryFactory(beanFactory, transactionManager, domainMappings,
					properties.withPageSizes(pageSizes), events);
		}

		@Bean
		@ConditionalOnMissingBean
		UnitOfWork unitOfWork(PlatformTransactionManager transactionManager, ObjectProvider<UnitOfWorkHook> hooks) {
			return new UnitOfWork(transactionManager, hooks.orderedStream().toList());
		}

	}

}
