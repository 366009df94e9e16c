package io.dddpersistence.autoconfigure;

import java.util.List;

import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.web.InvalidParameterProblems;
import io.dddpersistence.specification.web.PersistenceProblemDetails;
import io.dddpersistence.specification.web.ProblemDetailsErrorReportValve;
import io.dddpersistence.specification.web.ProblemDetailsErrorController;
import io.dddpersistence.specification.web.SearchRequestArgumentResolver;

import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC support for search: {@code SearchRequest} controller parameters, and RFC 9457 problem
 * details for search errors and the library's data errors ({@code io.dddpersistence.error}), and for
 * whatever reaches the container's error page ({@code /error}).
 */
@AutoConfiguration(after = SearchAutoConfiguration.class,
		beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.search.web.enabled", matchIfMissing = true)
public final class SearchWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PersistenceProblemDetails persistenceProblemDetails() {
		return new PersistenceProblemDetails();
	}

	/**
	 * The container's error page as problem details, in place of Boot's {@code BasicErrorController};
	 * an application's own {@code ErrorController} wins.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ErrorController.class)
	static class ErrorPageConfiguration {

		@Bean
		@ConditionalOnMissingBean(ErrorController.class)
		ProblemDetailsErrorController problemDetailsErrorController(ObjectProvider<ErrorAttributes> errorAttributes,
				PersistenceProblemDetails libraryProblems) {
			return new ProblemDetailsErrorController(errorAttributes.getIfAvailable(DefaultErrorAttributes::new),
					libraryProblems);
		}

	}

	/**
	 * On Tomcat: its refusals of a request's parameters as 400 problem details logged at debug, and
	 * its own error report (what it answers before any servlet runs) as problem details too.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ErrorReportValve.class, ConfigurableTomcatWebServerFactory.class })
	static class TomcatConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InvalidParameterProblems invalidParameterProblems() {
			return new InvalidParameterProblems();
		}

		@Bean
		@ConditionalOnMissingBean(ErrorController.class)
		@ConditionalOnClass(ErrorController.class)
		static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemDetailsErrorReport() {
			return new WebServerFactoryCustomizer<>() {

				@Override
				public void customize(ConfigurableTomcatWebServerFactory factory) {
					factory.addContextCustomizers(ProblemDetailsErrorReportValve::replaceErrorReports);
				}

			};
		}

	}

	@Bean
	@ConditionalOnBean(SearchLanguage.class)
	@ConditionalOnMissingBean
	SearchRequestArgumentResolver searchRequestArgumentResolver(SearchLanguage language,
			SearchProperties properties) {
		SearchProperties.Web web = properties.getWeb();
		return new SearchRequestArgumentResolver(language,
				new SearchRequestArgumentResolver.ParameterNames(web.getFilterParameter(), web.getSortParameter(),
						web.getPageParameter(), web.getSizeParameter(), web.getAfterParameter()));
	}

	/** Checks every controller's search parameters once all handler mappings are built. */
	@Bean
	@ConditionalOnBean(SearchRequestArgumentResolver.class)
	static SmartInitializingSingleton searchEndpointsCheck(ObjectProvider<SearchRequestArgumentResolver> resolver,
			ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return () -> mappings.orderedStream()
			.forEach((mapping) -> resolver.getObject().checkHandlerMethods(mapping.getHandlerMethods().values()));
	}

	@Bean
	@ConditionalOnBean(SearchRequestArgumentResolver.class)
	WebMvcConfigurer searchRequestWebMvcConfigurer(SearchRequestArgumentResolver resolver) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(resolver);
			}

		};
	}

}
