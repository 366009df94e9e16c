package io.dddpersistence.autoconfigure;

import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.web.SearchWebConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns on {@code SearchRequest} controller parameters in Spring MVC applications that have a
 * {@link SearchLanguage}; its beans are declared in {@link SearchWebConfiguration}. Its errors are
 * answered as problem details by {@link ProblemDetailsAutoConfiguration}, which has its own switch.
 */
@AutoConfiguration(after = SearchAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.search.web.enabled", matchIfMissing = true)
@ConditionalOnBean(SearchLanguage.class)
@Import(SearchWebConfiguration.class)
public final class SearchWebAutoConfiguration {

}
