package io.dddpersistence.patch.web;

import java.util.List;

import io.dddpersistence.patch.MergePatcher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC support for {@code MergePatchRequest} controller parameters (the resolver is replaceable). */
@Configuration(proxyBeanMethods = false)
public class PatchWebConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MergePatchRequestArgumentResolver mergePatchRequestArgumentResolver(MergePatcher patcher,
			ObjectProvider<JsonMapper> json) {
		return new MergePatchRequestArgumentResolver(patcher, json.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	WebMvcConfigurer mergePatchRequestWebMvcConfigurer(MergePatchRequestArgumentResolver resolver) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(resolver);
			}

		};
	}

}
