package io.dddpersistence.specification.web;

import java.util.List;

import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.SearchProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC support for search: {@code SearchRequest} controller parameters, read by a
 * {@link SearchRequestArgumentResolver} (replaceable by a bean of your own) and checked for every
 * controller at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class SearchWebConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SearchRequestArgumentResolver searchRequestArgumentResolver(SearchLanguage language,
			SearchProperties properties) {
		return new SearchRequestArgumentResolver(language, properties.web());
	}

	/**
	 * Not replaceable: a check of the application's own controllers, not a service; static, so that it
	 * does not make this configuration an early bean.
	 */
	@Bean
	static SearchEndpointsCheck searchEndpointsCheck(ObjectProvider<SearchRequestArgumentResolver> resolver,
			ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return new SearchEndpointsCheck(resolver, mappings);
	}

	/**
	 * Not {@code @ConditionalOnMissingBean}: an application has many {@link WebMvcConfigurer} beans;
	 * replace the resolver instead.
	 */
	@Bean
	WebMvcConfigurer searchRequestWebMvcConfigurer(SearchRequestArgumentResolver resolver) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(resolver);
			}

		};
	}

}
