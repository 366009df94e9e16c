package io.dddpersistence.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaKeyTests {

	@Test
	void contextsThatMigrateAlikeShareAKeyWhateverTheirOtherSettings() {
		assertThat(key(Map.of("spring.flyway.locations", "classpath:db/template-app", "app.context", "first")))
			.isEqualTo(key(Map.of("spring.flyway.locations", "classpath:db/template-app", "app.context", "second")))
			.matches("[0-9a-f]{16}");
	}

	@Test
	void otherScriptsOrOtherMigrationSettingsAreAnotherSchema() {
		String base = key(Map.of("spring.flyway.locations", "classpath:db/template-app"));
		assertThat(key(Map.of("spring.flyway.locations", "classpath:db/other-app"))).isNotEqualTo(base);
		assertThat(key(Map.of("spring.flyway.locations", "classpath:db/template-app",
				"spring.flyway.placeholders.region", "eu"))).isNotEqualTo(base);
		assertThat(key(Map.of("spring.flyway.locations", "classpath:db/template-app",
				"ddd.persistence.outbox.enabled", "false"))).isNotEqualTo(base);
		assertThat(key(Map.of("spring.flyway.locations", "classpath:db/template-app",
				"spring.jpa.hibernate.ddl-auto", "create"))).isNotEqualTo(base);
	}

	private static String key(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return SchemaKey.of(environment, SchemaKeyTests.class.getClassLoader());
	}

}
