package io.dddpersistence.tenant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.tenant.typeconflictfixtures.Kiosk;
import io.dddpersistence.tenant.typeconflictfixtures.Till;
import io.dddpersistence.testsupport.JpaContextRunners;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tenant level has one id type: the current tenant of a level is one value, so a String column
 * and a UUID column at the same level fail start-up, naming both fields.
 */
class TenantIdTypeStartupTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create");

	@Test
	void twoIdTypesAtOneLevelFailStartUpNamingBothFields() {
		this.runner.withUserConfiguration(TwoTypes.class)
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("Tenant level 'tenant'")
				.hasMessageContaining(Kiosk.class.getName() + ".tenantId")
				.hasMessageContaining(Till.class.getName() + ".tenantId")
				.hasMessageContaining("one level has one tenant id type"));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Kiosk.class)
	static class TwoTypes {

	}

}
