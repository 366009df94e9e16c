package io.dddpersistence.specification.web;

import java.util.Collection;

import io.dddpersistence.specification.RepeatedParameterException;
import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.SearchProperties;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.specification.SearchableFields;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link SearchRequest} controller parameter from the request parameters {@code filter},
 * {@code sort}, {@code page}, {@code size} and {@code after} (names configurable), checked by the
 * {@link SearchLanguage}. A bad search fails with an {@code InvalidSearchException} before the
 * controller runs, and so does a parameter given twice ({@link RepeatedParameterException}).
 */
public class SearchRequestArgumentResolver implements HandlerMethodArgumentResolver {

	private final SearchLanguage language;

	private final SearchProperties.Web names;

	/** A resolver reading the parameters these {@code ddd.persistence.search.web.*} settings name. */
	public SearchRequestArgumentResolver(SearchLanguage language, SearchProperties.Web names) {
		this.language = language;
		this.names = names;
	}

	/** A resolver reading the parameters {@code filter}, {@code sort}, {@code page}, {@code size} and {@code after}. */
	public SearchRequestArgumentResolver(SearchLanguage language) {
		this(language, SearchProperties.DEFAULTS.web());
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return SearchRequest.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		SearchFields annotation = parameter.getParameterAnnotation(SearchFields.class);
		Class<?> entity = entity(parameter, annotation);
		SearchableFields endpoint = endpointFields(entity, annotation);
		SearchRequest.Parameters parameters = new SearchRequest.Parameters(single(request, this.names.filterParameter()),
				single(request, this.names.sortParameter()), single(request, this.names.pageParameter()),
				single(request, this.names.sizeParameter()), single(request, this.names.afterParameter()));
		return this.language.request(entity, parameters, endpoint);
	}

	private static @Nullable String single(NativeWebRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length == 0) {
			return null;
		}
		if (values.length > 1) {
			throw new RepeatedParameterException(name);
		}
		return values[0];
	}

	/**
	 * Checks the search parameters of these handler methods (their entity and any {@link SearchFields}
	 * whitelist), so that a mistake fails at start-up rather than on the first request.
	 */
	public void checkHandlerMethods(Collection<HandlerMethod> handlerMethods) {
		for (HandlerMethod handlerMethod : handlerMethods) {
			for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
				if (supportsParameter(parameter)) {
					SearchFields annotation = parameter.getParameterAnnotation(SearchFields.class);
					Class<?> entity = entity(parameter, annotation);
					SearchableFields endpoint = endpointFields(entity, annotation);
					try {
						this.language.checkWhitelist((endpoint != null) ? endpoint : SearchableFields.of(entity));
					}
					catch (RuntimeException ex) {
						throw new IllegalStateException("Invalid search parameter of " + handlerMethod + ": "
								+ ex.getMessage(), ex);
					}
				}
			}
		}
	}

	private static @Nullable SearchableFields endpointFields(Class<?> entity, @Nullable SearchFields annotation) {
		if (annotation == null || (annotation.filter().length == 0 && annotation.sort().length == 0)) {
			return null;
		}
		SearchableFields endpoint = SearchableFields.of(entity);
		if (annotation.filter().length > 0) {
			endpoint = endpoint.filter(annotation.filter());
		}
		if (annotation.sort().length > 0) {
			endpoint = endpoint.sort(annotation.sort());
		}
		return endpoint;
	}

	private static Class<?> entity(MethodParameter parameter, @Nullable SearchFields annotation) {
		if (annotation != null && annotation.entity() != void.class) {
			return annotation.entity();
		}
		Class<?> entity = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
		if (entity == null) {
			throw new IllegalStateException("Cannot tell the entity of " + parameter
					+ ": declare it as SearchRequest<MyEntity> or with @SearchFields(entity = MyEntity.class)");
		}
		return entity;
	}

}
