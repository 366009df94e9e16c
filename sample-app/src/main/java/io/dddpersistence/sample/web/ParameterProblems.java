package io.dddpersistence.sample.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.dddpersistence.error.QuotedInput;

/**
 * A request parameter that does not convert (say {@code lat=north}, or {@code lat} given twice for
 * a single number): 400 naming the parameter and what it takes, quoting a bounded prefix of the
 * value. Ahead of Spring Boot's problem details, whose message would print a repeated parameter as
 * a Java array ({@code [Ljava.lang.String;@...}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterProblems {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value";
		String detail = (ex.getValue() instanceof Object[] values && values.length > 1)
				? "The parameter '" + ex.getName() + "' must be given once."
				: "The parameter '" + ex.getName() + "' must be a " + type + ", not '" + QuotedInput.of(ex.getValue())
						+ "'.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("urn:ddd-persistence-sample:problem:invalid-parameter"));
		problem.setTitle("Invalid parameter");
		problem.setProperty("code", "invalid-parameter");
		problem.setProperty("parameter", ex.getName());
		return problem;
	}

}
