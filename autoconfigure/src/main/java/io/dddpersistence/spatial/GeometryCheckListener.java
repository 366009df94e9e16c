package io.dddpersistence.spatial;

import java.lang.reflect.Field;

import jakarta.persistence.EntityManagerFactory;
import org.locationtech.jts.geom.Geometry;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;

import org.springframework.util.ReflectionUtils;

import io.dddpersistence.error.InvalidGeometryException;

/**
 * Refuses to write a geometry whose type or SRID differs from its {@link SpatialColumn}, before
 * any SQL is sent, so the error names the entity and field instead of a PostGIS message.
 */
final class GeometryCheckListener implements PreInsertEventListener, PreUpdateEventListener {

	/** Installs the check into a Hibernate session factory, once. */
	static void install(EntityManagerFactory entityManagerFactory) {
		EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getEventListenerRegistry();
		for (Object listener : registry.getEventListenerGroup(EventType.PRE_INSERT).listeners()) {
			if (listener instanceof GeometryCheckListener) {
				return;
			}
		}
		GeometryCheckListener listener = new GeometryCheckListener();
		registry.prependListeners(EventType.PRE_INSERT, listener);
		registry.prependListeners(EventType.PRE_UPDATE, listener);
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		check(event.getEntity());
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		check(event.getEntity());
		return false;
	}

	private static void check(Object entity) {
		for (Field field : SpatialFields.of(entity.getClass())) {
			Object value = ReflectionUtils.getField(field, entity);
			if (!(value instanceof Geometry geometry)) {
				continue;
			}
			SpatialColumn column = field.getAnnotation(SpatialColumn.class);
			if (!SpatialFields.accepts(column, geometry.getGeometryType()) || geometry.getSRID() != column.srid()) {
				throw new InvalidGeometryException(entity.getClass().getSimpleName(), field.getName(),
						column.type() + " with SRID " + column.srid(),
						geometry.getGeometryType() + " with SRID " + geometry.getSRID());
			}
		}
	}

}
