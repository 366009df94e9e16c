package io.dddpersistence.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem detail of an error known only by its status, as the error page and the container's
 * error report give it: a fixed title and detail per status, never the cause's message, which may
 * quote the request or name the server's internals.
 */
final class ErrorPageProblems {

	private static final String TYPE_PREFIX = "urn:ddd-persistence:problem:";

	private ErrorPageProblems() {
	}

	static ProblemDetail forStatus(HttpStatus status) {
		String code = status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * The problem as JSON, written without a JSON library: where the container reports an error
	 * itself, Spring's message converters are not at hand. Every value is the library's own text.
	 */
	static String json(ProblemDetail problem) {
		Map<String, Object> properties = problem.getProperties();
		Object code = (properties != null) ? properties.get("code") : null;
		return "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
				+ problem.getStatus() + ",\"detail\":\"" + problem.getDetail() + "\",\"code\":\""
				+ code + "\"}";
	}

	private static String detail(HttpStatus status) {
		if (status == HttpStatus.BAD_REQUEST) {
			return "The request is malformed: check its percent-encoding (%XX escapes of UTF-8 bytes), its headers"
					+ " and the number of its parameters.";
		}
		if (status == HttpStatus.NOT_FOUND) {
			return "Nothing was found at this path.";
		}
		if (status.is4xxClientError()) {
			return "The request was refused (" + status.getReasonPhrase() + ").";
		}
		return "The server could not complete the request.";
	}

}
