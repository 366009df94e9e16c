package io.dddpersistence.sample.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What an endpoint answers when the library feature behind it is switched off (on the embedded H2
 * database, until the library runs that feature there): 501 with a problem detail saying which
 * switch and how to run with it, rather than a bare 404.
 */
public final class FeatureOff {

	private FeatureOff() {
	}

	public static ProblemDetail problem(String feature, String property) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, feature + " need "
				+ property + "=true, which the embedded H2 configuration turns off until the library runs it on H2."
				+ " Run the sample on PostgreSQL for every feature: -Dspring-boot.run.profiles=postgres or SPRING_DATASOURCE_URL.");
		problem.setType(URI.create("urn:ddd-persistence:problem:feature-off"));
		problem.setTitle("Feature off on this database");
		problem.setProperty("code", "feature-off");
		problem.setProperty("property", property);
		return problem;
	}

}
