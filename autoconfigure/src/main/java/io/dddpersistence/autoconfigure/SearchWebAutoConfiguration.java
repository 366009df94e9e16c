package io.dddpersistence.autoconfigure;

import java.util.List;

import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.web.SearchRequestArgumentResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC support for search: {@code SearchRequest} controller parameters. Its errors are
 * answered as problem details by {@link ProblemDetailsAutoConfiguration}, which has its own switch.
 */
@AutoConfiguration(after = SearchAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.search.web.enabled", matchIfMissing = true)
public final class SearchWebAutoConfiguration {

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
