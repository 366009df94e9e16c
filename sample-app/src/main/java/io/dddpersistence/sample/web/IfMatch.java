package io.dddpersistence.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The version a client based a change on, sent back as the ETag it read ({@code If-Match: "3"}). */
public final class IfMatch {

	private IfMatch() {
	}

	public static long version(String ifMatch) {
		String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
					HttpStatus.BAD_REQUEST, "If-Match must be the ETag that was read, e.g. \"3\"; was " + ifMatch), ex);
		}
	}

}
