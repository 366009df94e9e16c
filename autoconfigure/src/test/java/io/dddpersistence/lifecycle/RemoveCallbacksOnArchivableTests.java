package io.dddpersistence.lifecycle;

import io.dddpersistence.autoconfigure.LifecycleAutoConfiguration;
import io.dddpersistence.lifecycle.removecallbacks.Leaflet;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.dddpersistence.testsupport.JpaContextRunners;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** An archivable entity with {@code @PreRemove} stops start-up, naming the entity and the method. */
class RemoveCallbacksOnArchivableTests {

	private final TestDatabase database = TestDatabases.createH2();

	@Test
	void startUpFailsNamingTheEntityAndItsCallback() {
		JpaContextRunners.withEntityTraits(this.database)
			.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class))
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.withUserConfiguration(Leaflets.class)
			.run((context) -> assertThat(JpaContextRunners.startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining(Leaflet.class.getName() + ": Leaflet.notifyPrinter (@PreRemove)")
				.hasMessageContaining("EntityLifecycleHook"));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Leaflet.class)
	static class Leaflets {

	}

}
