package io.dddpersistence.autoconfigure;

import io.dddpersistence.specification.PersistenceFixtures;
import io.dddpersistence.specification.web.SearchRequestArgumentResolver;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.dddpersistence.web.PersistenceProblemDetails;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAutoConfigurationTests {

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

	/** A web application with the search, its web support and the problem details, as Boot orders them. */
	private final WebApplicationContextRunner webWithSearch = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				SearchAutoConfiguration.class, SearchWebAutoConfiguration.class,
				ProblemDetailsAutoConfiguration.class))
		.withUserConfiguration(PersistenceFixtures.EntityPackage.class);

	/** A web application with Boot's error page, which the library's error controller replaces. */
	private final WebApplicationContextRunner errorPage = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@Test
	void answersEveryLibraryExceptionAndTheErrorPageByDefault() {
		this.errorPage.run((context) -> assertThat(context).hasSingleBean(PersistenceProblemDetails.class)
			.hasBean("problemDetailsErrorController")
			.hasSingleBean(ErrorController.class)
			.doesNotHaveBean(BasicErrorController.class)
			.hasBean("invalidParameterProblems")
			.hasBean("problemDetailsErrorReport"));
	}

	@Test
	void theirOwnPropertyTurnsProblemDetailsOffAndLeavesTheSearchWebSupport() {
		this.webWithSearch.withPropertyValues(datasource())
			.withPropertyValues("ddd.persistence.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PersistenceProblemDetails.class)
				.doesNotHaveBean("problemDetailsErrorController")
				.doesNotHaveBean("invalidParameterProblems")
				.hasSingleBean(SearchRequestArgumentResolver.class)
				.hasBean("searchRequestWebMvcConfigurer"));
		this.errorPage.withPropertyValues("ddd.persistence.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("problemDetailsErrorController")
				.doesNotHaveBean("problemDetailsErrorReport")
				.hasSingleBean(BasicErrorController.class));
	}

	@Test
	void theSearchWebSwitchTurnsOffOnlyTheSearchArgument() {
		this.webWithSearch.withPropertyValues(datasource())
			.withPropertyValues("ddd.persistence.search.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SearchRequestArgumentResolver.class)
				.doesNotHaveBean("searchRequestWebMvcConfigurer")
				.hasSingleBean(PersistenceProblemDetails.class)
				.hasBean("problemDetailsErrorController"));
	}

	@Test
	void anApplicationsOwnErrorControllerTakesTheErrorPage() {
		this.errorPage.withUserConfiguration(OwnErrorController.class)
			.run((context) -> assertThat(context).doesNotHaveBean("problemDetailsErrorController")
				.hasSingleBean(ErrorController.class)
				.hasBean("myErrors")
				.doesNotHaveBean("problemDetailsErrorReport")
				.hasSingleBean(PersistenceProblemDetails.class));
	}

	@Test
	void anApplicationsOwnAdviceReplacesTheLibrarys() {
		this.errorPage.withUserConfiguration(OwnProblems.class).run((context) -> {
			assertThat(context).hasSingleBean(PersistenceProblemDetails.class);
			assertThat(context.getBean(PersistenceProblemDetails.class)).isInstanceOf(OwnProblems.Mine.class);
		});
	}

	@Test
	void backsOffWithoutSpringMvcOrTomcatOrOutsideWebApplications() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebMvcConfigurer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PersistenceProblemDetails.class));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PersistenceProblemDetails.class));
		this.errorPage.withClassLoader(new FilteredClassLoader(ErrorReportValve.class))
			.run((context) -> assertThat(context).hasBean("problemDetailsErrorController")
				.doesNotHaveBean("invalidParameterProblems"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnErrorController {

		@Bean
		ErrorController myErrors() {
			return new ErrorController() {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProblems {

		@Bean
		PersistenceProblemDetails mine() {
			return new Mine();
		}

		static class Mine extends PersistenceProblemDetails {

		}

	}

}
