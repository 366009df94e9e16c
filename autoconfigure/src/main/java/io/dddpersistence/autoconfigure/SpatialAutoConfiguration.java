package io.dddpersistence.autoconfigure;

import jakarta.persistence.EntityManagerFactory;
import org.locationtech.jts.geom.Geometry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.dddpersistence.spatial.SpatialConfiguration;

/**
 * Turns the spatial trait on after JPA is configured, and backs off without Hibernate Spatial and
 * JTS; its beans are declared in {@link SpatialConfiguration}.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ Geometry.class, org.hibernate.spatial.JTSGeometryJavaType.class, EntityManagerFactory.class })
@Import(SpatialConfiguration.class)
public final class SpatialAutoConfiguration {

}
