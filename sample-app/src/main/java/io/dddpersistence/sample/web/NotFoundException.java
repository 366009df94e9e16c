package io.dddpersistence.sample.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.dddpersistence.error.QuotedInput;

/** Answers 404 with a problem detail naming what was looked for. */
public class NotFoundException extends ErrorResponseException {

	public NotFoundException(String entity, Object id) {
		super(HttpStatus.NOT_FOUND, problem(entity, id), null);
	}

	private static ProblemDetail problem(String entity, Object id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				entity + " with id " + QuotedInput.of(id) + " was not found.");
		problem.setType(URI.create("urn:ddd-persistence:problem:not-found"));
		problem.setTitle("Not found");
		problem.setProperty("code", "not-found");
		problem.setProperty("entity", entity);
		problem.setProperty("id", QuotedInput.of(id));
		return problem;
	}

}
