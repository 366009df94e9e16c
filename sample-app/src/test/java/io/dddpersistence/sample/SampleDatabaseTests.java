package io.dddpersistence.sample;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDatabaseTests {

	private final SampleDatabase database = new SampleDatabase();

	@Test
	void withNothingConfiguredTheSampleChoosesEmbeddedH2() {
		assertThat(profilesAfter(new MockEnvironment())).containsExactly("h2");
	}

	@Test
	void aPostgresqlUrlChoosesThePostgresProfile() {
		MockEnvironment environment = new MockEnvironment();
		// as SPRING_DATASOURCE_URL reaches the environment
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env",
					Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")));
		assertThat(profilesAfter(environment)).containsExactly("postgres");
	}

	@Test
	void anH2UrlKeepsTheEmbeddedConfiguration() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./sample");
		assertThat(profilesAfter(environment)).containsExactly("h2");
	}

	@Test
	void aDatabaseProfileAskedForIsKept() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("spring.profiles.active[0]", "postgres")));
		assertThat(profilesAfter(environment)).isEmpty();
	}

	@Test
	void otherProfilesStillGetADatabase() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.profiles.active", "rabbit");
		assertThat(profilesAfter(environment)).containsExactly("rabbit", "h2");
	}

	@Test
	void thePostgresProfileUsesADatabaseOfItsOwnOnTheLocalServer() throws IOException {
		// not the server's shared "postgres" database: the schema and the postgis extension go there
		MockEnvironment environment = new MockEnvironment();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("postgres",
				new ClassPathResource("application-postgres.yml"))) {
			environment.getPropertySources().addLast(source);
		}
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/ddd_sample?reWriteBatchedInserts=true");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
	}

	private String[] profilesAfter(MockEnvironment environment) {
		this.database.postProcessEnvironment(environment, new SpringApplication(SampleApplication.class));
		return environment.getActiveProfiles();
	}

}
