package io.dddpersistence.sample.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rule of the domain refused the request (a quantity of zero, say): 400 with the reason. */
@RestControllerAdvice
class RequestProblems {

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidRequest(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("urn:ddd-persistence-sample:problem:invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("code", "invalid-request");
		return problem;
	}

}
