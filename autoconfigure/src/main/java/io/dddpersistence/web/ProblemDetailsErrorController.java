package io.dddpersistence.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers the container's error page ({@code /error}) with an RFC 9457 problem detail, in place of
 * Spring Boot's error JSON: the errors that never reach a controller advice, such as the 400s
 * Tomcat raises itself (a bad {@code %} escape, invalid UTF-8, too many parameters) and any 500.
 * The answer has {@code type}, {@code title}, {@code status}, {@code detail} and {@code instance},
 * and never a stack trace, an exception class or an exception's message: those are the server's
 * business, and a 500's cause is in the server's log. One of the library's own exceptions (an
 * ambiguous tenant header, refused by a filter) keeps the problem detail that
 * {@link PersistenceProblemDetails} gives it.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemDetailsErrorController implements ErrorController {

	/** Longer paths are left out of the answer rather than echoed. */
	private static final int MAX_INSTANCE_LENGTH = 1024;

	private final ErrorAttributes errorAttributes;

	private final PersistenceProblemDetails libraryProblems;

	ProblemDetailsErrorController(ErrorAttributes errorAttributes, PersistenceProblemDetails libraryProblems) {
		this.errorAttributes = errorAttributes;
		this.libraryProblems = libraryProblems;
	}

	@RequestMapping
	public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Throwable error = this.errorAttributes.getError(new ServletWebRequest(request));
		ProblemDetail problem = (error != null) ? this.libraryProblems.problemFor(error) : null;
		if (problem == null) {
			problem = ErrorPageProblems.forStatus(status(request));
		}
		URI instance = instance(request);
		if (instance != null) {
			problem.setInstance(instance);
		}
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** The path that failed, when it is a valid URI reference (a malformed one is what failed). */
	private static @Nullable URI instance(HttpServletRequest request) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (!(path instanceof String text) || text.length() > MAX_INSTANCE_LENGTH) {
			return null;
		}
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
