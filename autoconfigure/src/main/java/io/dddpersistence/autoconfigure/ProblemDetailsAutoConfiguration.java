package io.dddpersistence.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.dddpersistence.web.ProblemDetailsConfiguration;
import io.dddpersistence.web.WebProperties;

/**
 * Turns problem details on in a servlet web application before Boot's error page is configured, so
 * that the library's error controller takes {@code /error} in place of Boot's
 * {@code BasicErrorController}; its beans are declared in {@link ProblemDetailsConfiguration}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.web.problem-details.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WebProperties.class)
@Import(ProblemDetailsConfiguration.class)
public final class ProblemDetailsAutoConfiguration {

}
