package io.dddpersistence.autoconfigure;


import io.dddpersistence.specification.OperatorRegistry;
import io.dddpersistence.specification.PersistenceFixtures;
import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.SearchOperator;
import io.dddpersistence.specification.web.SearchRequestArgumentResolver;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

class SearchAutoConfigurationTests {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		database = TestDatabases.create();
	}

	private static String[] datasource() {
		return new String[] { "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=none" };
	}

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				SearchAutoConfiguration.class, SearchWebAutoConfiguration.class))
		.withUserConfiguration(PersistenceFixtures.EntityPackage.class);

	@Test
	void setsUpTheSearchLanguageWithUserOperatorsAndTheWebSide() {
		this.web.withPropertyValues(datasource()).withUserConfiguration(UserOperator.class).run((context) -> {
			assertThat(context).hasSingleBean(SearchLanguage.class)
				.hasSingleBean(SearchRequestArgumentResolver.class)
				.hasBean("searchRequestWebMvcConfigurer");
			assertThat(context.getBean(OperatorRegistry.class).names()).contains("eq", "within_distance", "shouting");
			assertThat(context.getBean(SearchLanguage.class).pageSizes().maxPageSize()).isEqualTo(100);
		});
	}

	@Test
	void limitsComeFromPropertiesAndBadValuesFailNamingTheProperty() {
		this.web.withPropertyValues(datasource())
			.withPropertyValues("ddd.persistence.repository.max-page-size=500", "ddd.persistence.search.max-depth=9")
			.run((context) -> {
				assertThat(context.getBean(SearchLanguage.class).limits().maxDepth()).isEqualTo(9);
				assertThat(context.getBean(SearchLanguage.class).pageSizes().maxPageSize()).isEqualTo(500);
			});
		this.web.withPropertyValues(datasource())
			.withPropertyValues("ddd.persistence.search.max-in-values=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("ddd.persistence.search.max-in-values must be at least 1"));
	}

	@Test
	void backsOffWithoutSpringDataJpaOrWhenDisabled() {
		this.web.withPropertyValues(datasource())
			.withClassLoader(new FilteredClassLoader(Specification.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SearchLanguage.class)
				.doesNotHaveBean(SearchRequestArgumentResolver.class));
		this.web.withPropertyValues(datasource())
			.withPropertyValues("ddd.persistence.search.enabled=false", "ddd.persistence.search.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SearchLanguage.class)
				.doesNotHaveBean(SearchRequestArgumentResolver.class));
	}

	@Test
	void theWebSideBacksOffWithoutSpringMvcOrOutsideWebApplications() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(SearchWebAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebMvcConfigurer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SearchWebAutoConfiguration.class));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SearchWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SearchWebAutoConfiguration.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperator {

		@Bean
		SearchOperator shouting() {
			return SearchOperator.of("shouting", 0, 0, String.class::equals,
					(cb, field, values) -> cb.equal(field, cb.upper(cb.literal("x"))));
		}

	}

}
