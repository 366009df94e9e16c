package io.dddpersistence.tenant;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;

/** Installs the tenant checks on insert, update and delete into a Hibernate session factory. */
final class TenantListeners {

	private TenantListeners() {
	}

	static void install(EntityManagerFactory entityManagerFactory) {
		EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getEventListenerRegistry();
		for (Object listener : registry.getEventListenerGroup(EventType.PRE_INSERT).listeners()) {
			if (listener instanceof TenantEventListener) {
				return;
			}
		}
		TenantEventListener listener = new TenantEventListener();
		registry.appendListeners(EventType.PRE_INSERT, listener);
		registry.appendListeners(EventType.PRE_UPDATE, listener);
		registry.appendListeners(EventType.PRE_DELETE, listener);
		registry.prependListeners(EventType.MERGE, listener);
	}

}
