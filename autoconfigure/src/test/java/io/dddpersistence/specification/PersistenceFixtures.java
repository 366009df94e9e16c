package io.dddpersistence.specification;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Lets tests in other packages scan this package's test entities. */
public final class PersistenceFixtures {

	private PersistenceFixtures() {
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	public static class EntityPackage {

	}

}
