package io.dddpersistence.repository;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

import io.dddpersistence.entity.Archiving;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ResolvableType;
import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.JpaEntityInformationSupport;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Creates the {@link DomainOperations} implementation of each domain repository: finds the entity
 * manager factory that manages its entity, the {@link DomainMapper} bean declared for its pair of
 * types (or a mapper by property name), the application's archive operations, and checks the
 * mapping at start-up.
 */
public final class DomainRepositoryFactory {

	private final BeanFactory beanFactory;

	private final PlatformTransactionManager transactionManager;

	private final DomainMappings mappings;

	private final RepositoryProperties settings;

	private final @Nullable ApplicationEventPublisher events;

	public DomainRepositoryFactory(BeanFactory beanFactory, PlatformTransactionManager transactionManager,
			DomainMappings mappings, RepositoryProperties settings) {
		this(beanFactory, transactionManager, mappings, settings, null);
	}

	/** With the publisher that {@code add} sends an aggregate's registered domain events to. */
	public DomainRepositoryFactory(BeanFactory beanFactory, PlatformTransactionManager transactionManager,
			DomainMappings mappings, RepositoryProperties settings, @Nullable ApplicationEventPublisher events) {
		this.beanFactory = beanFactory;
		this.transactionManager = transactionManager;
		this.mappings = mappings;
		this.settings = settings;
		this.events = events;
	}

	DomainOperations<?, ?, ?> create(Class<?> repositoryInterface, Class<?> entityType) {
		Class<?> domainType = ResolvableType.forClass(repositoryInterface).as(DomainOperations.class).resolveGeneric(0);
		if (domainType == null) {
			throw new IllegalStateException("Cannot tell the domain type of " + repositoryInterface.getName()
					+ ": declare it with concrete type arguments, such as DomainRepository<Order, UUID>");
		}
		return operations(domainType, entityType);
	}

	private <D, E> DomainOperations<D, E, Object> operations(Class<D> domainType, Class<E> entityType) {
		EntityManagerFactory factory = entityManagerFactoryFor(entityType);
		@SuppressWarnings("unchecked")
		JpaEntityInformation<E, Object> information = (JpaEntityInformation<E, Object>) JpaEntityInformationSupport
			.getEntityInformation(entityType, factory.getMetamodel(), factory.getPersistenceUnitUtil());
		EntityPersister persister = factory.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(entityType);
		DomainMapper<D, E> mapper = mapperFor(domainType, entityType, managedByJpa(information, persister));
		SearchContext<D, E, Object> context = SearchContext.of(
				SharedEntityManagerCreator.createSharedEntityManager(factory), information, mapper, this.settings,
				this.transactionManager);
		return new JpaDomainOperations<>(context, persister,
				new ArchiveSupport(this.beanFactory.getBeanProvider(Archiving.class).getIfAvailable()),
				new DomainEventPublication(this.events));
	}

	@SuppressWarnings("unchecked")
	private <D, E> DomainMapper<D, E> mapperFor(Class<D> domainType, Class<E> entityType, Set<String> managedByJpa) {
		if (domainType.equals(entityType)) {
			return (DomainMapper<D, E>) IdentityMapper.INSTANCE;
		}
		DomainMapper<D, E> declared = (DomainMapper<D, E>) this.beanFactory
			.getBeanProvider(ResolvableType.forClassWithGenerics(DomainMapper.class, domainType, entityType))
			.getIfUnique();
		return (declared != null) ? declared : this.mappings.byPropertyName(domainType, entityType, managedByJpa);
	}

	private static Set<String> managedByJpa(JpaEntityInformation<?, ?> information, EntityPersister persister) {
		Set<String> names = new HashSet<>();
		information.getIdAttributeNames().forEach(names::add);
		if (persister.isVersioned()) {
			names.add(persister.getPropertyNames()[persister.getVersionPropertyIndex()]);
		}
		return Set.copyOf(names);
	}

	private EntityManagerFactory entityManagerFactoryFor(Class<?> entityType) {
		for (EntityManagerFactory factory : this.beanFactory.getBeanProvider(EntityManagerFactory.class)) {
			try {
				factory.getMetamodel().entity(entityType);
				return factory;
			}
			catch (IllegalArgumentException ex) {
				// not an entity of this persistence unit; try the next one
			}
		}
		throw new IllegalStateException(entityType.getName()
				+ " is not an entity of any EntityManagerFactory; a domain repository needs a JPA entity type");
	}

}
