package io.dddpersistence.patch.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import io.dddpersistence.patch.MergePatchRequest;
import io.dddpersistence.patch.MergePatcher;
import io.dddpersistence.patch.MalformedPatches;
import io.dddpersistence.patch.Writable;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link MergePatchRequest} controller parameter: the request body as JSON
 * ({@code application/merge-patch+json} or {@code application/json}), the version in
 * {@code If-Match} ({@code "3"} or {@code W/"3"}: the version as an ETag), and the
 * parameter's {@link Writable} or the entity's. Another content type is a 415; a body that is not
 * JSON, and an {@code If-Match} that is not one version, are refused before the controller runs.
 */
public class MergePatchRequestArgumentResolver implements HandlerMethodArgumentResolver {

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private final MergePatcher patcher;

	private final JsonMapper json;

	public MergePatchRequestArgumentResolver(MergePatcher patcher, JsonMapper json) {
		this.patcher = patcher;
		this.json = json;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return MergePatchRequest.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory)
			throws IOException, HttpMediaTypeNotSupportedException {
		Class<?> entity = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
		if (entity == null) {
			throw new IllegalStateException("Declare the entity of a MergePatchRequest parameter: MergePatchRequest<Profile>, "
					+ "not a raw MergePatchRequest (" + parameter.getExecutable() + ")");
		}
		Writable endpoint = parameter.getParameterAnnotation(Writable.class);
		Writable declared = AnnotatedElementUtils.findMergedAnnotation(entity, Writable.class);
		Set<String> writable = (endpoint != null) ? Set.of(endpoint.value())
				: (declared != null) ? Set.of(declared.value()) : Set.of();
		return request(entity, body(request, entity), version(request), writable);
	}

	private <T> MergePatchRequest<T> request(Class<T> entity, JsonNode body, @Nullable Long version, Set<String> writable) {
		return new MergePatchRequest<>(this.patcher, entity, body, version, writable);
	}

	private JsonNode body(NativeWebRequest request, Class<?> entity)
			throws IOException, HttpMediaTypeNotSupportedException {
		HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
		if (servlet == null) {
			throw new IllegalStateException("A MergePatchRequest is read from a servlet request");
		}
		requireJson(servlet.getContentType());
		try (InputStream in = servlet.getInputStream()) {
			JsonNode body = this.json.readTree(in);
			if (body == null || !body.isObject()) {
				throw MalformedPatches.notAnObject(entity);
			}
			return body;
		}
		catch (JacksonException ex) {
			throw MalformedPatches.notJson(entity);
		}
	}

	// application/json, application/merge-patch+json or another +json type; none given is read as JSON
	private static void requireJson(@Nullable String contentType) throws HttpMediaTypeNotSupportedException {
		if (contentType == null || contentType.isBlank()) {
			return;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpMediaTypeNotSupportedException(ex.getMessage());
		}
		if (!type.getSubtype().equals("json") && !type.getSubtype().endsWith("+json")) {
			throw new HttpMediaTypeNotSupportedException(type, List.of(MERGE_PATCH, MediaType.APPLICATION_JSON));
		}
	}

	private static @Nullable Long version(NativeWebRequest request) {
		String header = request.getHeader(HttpHeaders.IF_MATCH);
		if (header == null || header.isBlank()) {
			return null;
		}
		String tag = header.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		try {
			return Long.valueOf(tag);
		}
		catch (NumberFormatException ex) {
			throw MalformedPatches.badIfMatch(header);
		}
	}

}
