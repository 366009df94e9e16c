package io.dddpersistence.web;

import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Problem details' beans: the {@link PersistenceProblemDetails} advice for every library exception,
 * the error page controller, and on Tomcat the answers to its own refusals. Each backs off when the
 * application declares its own ({@code PersistenceProblemDetails}, {@code ErrorController}).
 * Spring Boot imports it from {@code ProblemDetailsAutoConfiguration}, which adds the ordering and
 * the conditions; an application without Boot's auto-configuration may import it itself.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemDetailsConfiguration {

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

}
