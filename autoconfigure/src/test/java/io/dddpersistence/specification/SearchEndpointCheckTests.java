package io.dddpersistence.specification;

import io.dddpersistence.autoconfigure.SearchAutoConfiguration;
import io.dddpersistence.autoconfigure.SearchWebAutoConfiguration;
import io.dddpersistence.specification.web.SearchFields;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;

class SearchEndpointCheckTests {

	@Test
	void anEndpointWhitelistNamingASensitiveOrMissingFieldFailsAtStartUp() {
		TestDatabase database = TestDatabases.create();
		WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, SearchAutoConfiguration.class,
					SearchWebAutoConfiguration.class))
			.withUserConfiguration(PersistenceFixtures.EntityPackage.class)
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=none");
		runner.withUserConfiguration(SensitiveEndpoint.class)
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Invalid search parameter")
				.hasStackTraceContaining("password_hash is sensitive"));
		runner.withUserConfiguration(MissingFieldEndpoint.class)
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("'nickname'"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@Import(SensitiveEndpoint.Controller.class)
	static class SensitiveEndpoint {

		@RestController
		static class Controller {

			@GetMapping("/customers")
			String customers(@SearchFields(filter = "password_hash") SearchRequest<Customer> search) {
				return "never";
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@Import(MissingFieldEndpoint.Controller.class)
	static class MissingFieldEndpoint {

		@RestController
		static class Controller {

			@GetMapping("/customers")
			String customers(@SearchFields(sort = "nickname") SearchRequest<Customer> search) {
				return "never";
			}

		}

	}

}
