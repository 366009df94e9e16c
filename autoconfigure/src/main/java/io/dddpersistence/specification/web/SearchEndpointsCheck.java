package io.dddpersistence.specification.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Checks the search parameters of every controller once all handler mappings are built, so that a
 * {@code SearchRequest} parameter naming an unknown or sensitive field fails start-up rather than the
 * first request.
 */
final class SearchEndpointsCheck implements SmartInitializingSingleton {

	private final ObjectProvider<SearchRequestArgumentResolver> resolver;

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	SearchEndpointsCheck(ObjectProvider<SearchRequestArgumentResolver> resolver,
			ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.resolver = resolver;
		this.mappings = mappings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		SearchRequestArgumentResolver checked = this.resolver.getIfAvailable();
		if (checked == null) {
			return;
		}
		this.mappings.orderedStream()
			.forEach((mapping) -> checked.checkHandlerMethods(mapping.getHandlerMethods().values()));
	}

}
