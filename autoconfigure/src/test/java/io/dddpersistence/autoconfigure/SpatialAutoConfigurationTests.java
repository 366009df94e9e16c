package io.dddpersistence.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
		this.runner.withBean("spatialReferenceCheck", SmartInitializingSingleton.class, () -> mine)
			.run((context) -> assertThat(context.getBean("spatialReferenceCheck")).isSameAs(mine));
	}

}
