package io.dddpersistence.repository;

import java.util.Objects;

import io.dddpersistence.specification.PageSizes;
import io.dddpersistence.specification.SearchProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one {@link PageSizes} bean that web searches and repository searches share, made of
 * {@code ddd.persistence.repository.max-page-size} and {@code default-page-size}. Their deprecated
 * aliases {@code ddd.persistence.search.max-page-size} and {@code default-page-size} still count:
 * when only the alias is set it is the value; when both are set to different values, start-up fails
 * naming both. Imported by the search and the repository auto-configurations alike.
 */
@Configuration(proxyBeanMethods = false)
public class PageSizesConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PageSizes pageSizes(RepositoryProperties repository, ObjectProvider<SearchProperties> search,
			Environment environment) {
		SearchProperties aliases = search.getIfAvailable(() -> SearchProperties.DEFAULTS);
		Binder binder = Binder.get(environment);
		int max = resolve("max-page-size", repository.maxPageSize(), aliases.maxPageSize(), binder);
		int size = resolve("default-page-size", repository.defaultPageSize(), aliases.defaultPageSize(), binder);
		return new PageSizes(max, size);
	}

	private static int resolve(String name, int value, @Nullable Integer alias, Binder binder) {
		if (alias == null) {
			return value;
		}
		boolean set = binder.bind(RepositoryProperties.PREFIX + "." + name, Integer.class).isBound();
		if (set && !Objects.equals(alias, value)) {
			throw new IllegalStateException(RepositoryProperties.PREFIX + "." + name + " (" + value + ") and its"
					+ " deprecated alias ddd.persistence.search." + name + " (" + alias + ") are both set, to"
					+ " different values; remove ddd.persistence.search." + name);
		}
		return alias;
	}

}
