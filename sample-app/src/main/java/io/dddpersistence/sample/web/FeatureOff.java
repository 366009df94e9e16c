package io.dddpersistence.sample.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What an endpoint answers when the library feature behind it is switched off by configuration:
 * 501 with a problem detail saying which switch, rather than a bare 404.
 */
public final class FeatureOff {

	private FeatureOff() {
	}

	public static ProblemDetail problem(String feature, String property) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, feature + " need "
				+ property + "=true, which this configuration turns off.");
		problem.setType(URI.create("urn:ddd-persistence:problem:feature-off"));
		problem.setTitle("Feature switched off");
		problem.setProperty("code", "feature-off");
		problem.setProperty("property", property);
		return problem;
	}

}
