package io.dddpersistence.repository;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFragment;

/**
 * Adds the {@link DomainOperations} fragment to every Spring Data repository whose interface
 * extends it, so users need no annotation. Spring Data's own fragment discovery
 * ({@code spring.factories} keyed by fragment interface) only looks at interfaces a repository
 * extends directly and skips {@code @NoRepositoryBean} ones, so it cannot reach a fragment behind
 * {@link DomainRepository}; the fragments function of the repository factory bean (Spring Data 4)
 * can, and gives each repository a fragment of its own that knows its types.
 */
final class DomainRepositoryPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	@SuppressWarnings("NullAway.Init") // set by the container before any bean is post-processed
	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean
				&& DomainOperations.class.isAssignableFrom(factoryBean.getObjectType())) {
			Class<?> repositoryInterface = factoryBean.getObjectType();
			factoryBean.setRepositoryFragmentsFunction((beans, context) -> {
				DomainRepositoryFactory factory = this.beanFactory.getBeanProvider(DomainRepositoryFactory.class)
					.getIfAvailable();
				if (factory == null) {
					throw new IllegalStateException(repositoryInterface.getName() + " extends DomainRepository, but there"
							+ " is no DomainRepositoryFactory bean: the starter provides one when the application has a"
							+ " single PlatformTransactionManager and ddd.persistence.repository.enabled is not false");
				}
				DomainOperations<?, ?, ?> operations = factory.create(repositoryInterface,
						context.getRepositoryMetadata().getDomainType());
				return RepositoryFragments.of(RepositoryFragment.implemented((Class) DomainOperations.class, operations));
			});
		}
		return bean;
	}

}
