package io.dddpersistence.autoconfigure;

import java.lang.reflect.Proxy;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.dddpersistence.entity.DeclaredIndexes;

import static org.assertj.core.api.Assertions.assertThat;

class SpatialAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpatialAutoConfiguration.class));

	@Test
	void declaresTheGeometryCheckTheFunctionsLoaderAndTheSpatialIndexes() {
		this.runner.run((context) -> assertThat(context).hasBean("geometryCheckInstaller")
			.hasBean("spatialFunctionsLoader")
			.hasBean("spatialIndexes"));
	}

	@Test
	void aUserBeanNamedSpatialIndexesReplacesTheLibrarysOwn() {
		DeclaredIndexes none = (entityManagerFactory) -> List.of();
		this.runner.withBean("spatialIndexes", DeclaredIndexes.class, () -> none)
			.run((context) -> assertThat(context.getBean("spatialIndexes")).isSameAs(none));
	}

	@Test
	void aUserBeanNamedSpatialReferenceCheckReplacesTheLibrarysOwn() {
		SmartInitializingSingleton mine = () -> {
		};
		// the check needs a data source and an entity manager factory; the replacement never touches them
		this.runner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withBean(EntityManagerFactory.class, SpatialAutoConfigurationTests::unusedEntityManagerFactory)
			.withBean("spatialReferenceCheck", SmartInitializingSingleton.class, () -> mine)
			.run((context) -> assertThat(context.getBean("spatialReferenceCheck")).isSameAs(mine));
	}

	private static EntityManagerFactory unusedEntityManagerFactory() {
		return (EntityManagerFactory) Proxy.newProxyInstance(EntityManagerFactory.class.getClassLoader(),
				new Class<?>[] { EntityManagerFactory.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "toString" -> "unused EntityManagerFactory";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == arguments[0];
					default -> null;
				});
	}

}
