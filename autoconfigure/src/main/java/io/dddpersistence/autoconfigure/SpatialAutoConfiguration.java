package io.dddpersistence.autoconfigure;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.locationtech.jts.geom.Geometry;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.dddpersistence.autoconfigure.EntityTraitsAutoConfiguration.DeclaredIndexes;
import io.dddpersistence.spatial.GeometryCheckListener;
import io.dddpersistence.spatial.SpatialStartupCheck;

/**
 * Spatial trait: the geometry type and SRID check on write, the GIST indexes in the start-up index
 * check, and the SRID check. Backs off without Hibernate Spatial and JTS.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ Geometry.class, org.hibernate.spatial.JTSGeometryJavaType.class, EntityManagerFactory.class })
public final class SpatialAutoConfiguration {

	@Bean
	static BeanPostProcessor geometryCheckInstaller() {
		return EntityManagerFactoryReady.then(GeometryCheckListener::install);
	}

	@Bean
	DeclaredIndexes spatialIndexes() {
		return SpatialStartupCheck::declaredIndexes;
	}

	@Bean
	@ConditionalOnBean({ DataSource.class, EntityManagerFactory.class })
	SmartInitializingSingleton spatialReferenceCheck(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
		return () -> SpatialStartupCheck.verifySrids(dataSource, entityManagerFactory);
	}

}
