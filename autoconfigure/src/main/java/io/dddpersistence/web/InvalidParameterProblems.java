package io.dddpersistence.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Tomcat's refusal of a request's parameters (a bad {@code %} escape, invalid UTF-8, more than
 * {@code server.tomcat.max-parameter-count}), met when a controller argument reads them: a 400
 * problem detail, logged at debug. Without it, Spring MVC passes the exception on to Tomcat, which
 * logs a client's mistake at ERROR with its stack trace.
 */
@RestControllerAdvice
@Order(PersistenceProblemDetails.ORDER)
public class InvalidParameterProblems {

	private static final Log logger = LogFactory.getLog(InvalidParameterProblems.class);

	@ExceptionHandler(InvalidParameterException.class)
	public ProblemDetail invalidParameters(InvalidParameterException ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a request's parameters: " + ex.getMessage());
		}
		HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
		return ErrorPageProblems.forStatus((status != null && status.is4xxClientError()) ? status : HttpStatus.BAD_REQUEST);
	}

}
