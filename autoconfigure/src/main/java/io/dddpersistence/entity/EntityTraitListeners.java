package io.dddpersistence.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.MergeEventListener;

/**
 * Installs the trait listeners into a Hibernate session factory: audit stamping, the refusal to
 * change archived rows, archive-on-delete, and the flush and merge wrappers that report a stale
 * version with what is stored now. Installed once when the application context starts, before any
 * session is opened. The audit source and the {@link VersionLookupCustomizer}s are looked up when
 * first needed, so that they may depend on beans (an {@code AuditorAware} reading a repository,
 * row-level security) that need the factory.
 */
final class EntityTraitListeners {

	private EntityTraitListeners() {
	}

	public static void install(EntityManagerFactory entityManagerFactory, Supplier<AuditSource> source) {
		install(entityManagerFactory, source, List::of);
	}

	public static void install(EntityManagerFactory entityManagerFactory, Supplier<AuditSource> source,
			Supplier<List<VersionLookupCustomizer>> versionLookupCustomizers) {
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
		EventListenerGroup<DeleteEventListener> deletes = registry.getEventListenerGroup(EventType.DELETE);
		List<DeleteEventListener> existing = new ArrayList<>();
		deletes.listeners().forEach(existing::add);
		if (existing.stream().anyMatch(ArchivingDeleteListener.class::isInstance)) {
			return; // installed already: the same factory shared by two contexts
		}
		TraitEventListener listener = new TraitEventListener(source);
		registry.appendListeners(EventType.PRE_INSERT, listener);
		registry.appendListeners(EventType.PRE_UPDATE, listener);
		deletes.clear();
		deletes.appendListener(new ArchivingDeleteListener(existing, source));
		EventListenerGroup<FlushEventListener> flushes = registry.getEventListenerGroup(EventType.FLUSH);
		EventListenerGroup<AutoFlushEventListener> autoFlushes = registry.getEventListenerGroup(EventType.AUTO_FLUSH);
		List<FlushEventListener> existingFlushes = new ArrayList<>();
		flushes.listeners().forEach(existingFlushes::add);
		List<AutoFlushEventListener> existingAutoFlushes = new ArrayList<>();
		autoFlushes.listeners().forEach(existingAutoFlushes::add);
		StoredVersionLookup lookup = new StoredVersionLookup(sessionFactory, versionLookupCustomizers);
		StaleVersionFlushListener stale = new StaleVersionFlushListener(existingFlushes, existingAutoFlushes, lookup);
		flushes.clear();
		flushes.appendListener(stale);
		autoFlushes.clear();
		autoFlushes.appendListener(stale);
		EventListenerGroup<MergeEventListener> merges = registry.getEventListenerGroup(EventType.MERGE);
		List<MergeEventListener> existingMerges = new ArrayList<>();
		merges.listeners().forEach(existingMerges::add);
		merges.clear();
		merges.appendListener(new StaleVersionMergeListener(existingMerges, lookup));
	}

}
