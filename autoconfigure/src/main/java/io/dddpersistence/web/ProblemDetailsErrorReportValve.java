package io.dddpersistence.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as a problem detail instead of an HTML page: for the errors Tomcat answers
 * before any servlet runs (a bad {@code %} escape or invalid UTF-8 in the path, too many
 * parameters), which never reach {@code /error}. It writes {@code type}, {@code title},
 * {@code status}, {@code detail} and {@code code}; no {@code instance}, since the path is what could
 * not be read. Public, with a public constructor, because Tomcat instantiates the host's error
 * report class by name.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

	public ProblemDetailsErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	/**
	 * Puts this report in place of the host's error reports (Tomcat's own, or the one Spring Boot
	 * adds to hide stack traces), so that exactly one writes the answer.
	 */
	static void replaceErrorReports(Context context) {
		if (!(context.getParent() instanceof Host host)) {
			return;
		}
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new ProblemDetailsErrorReportValve());
		if (host instanceof StandardHost standardHost) {
			// Tomcat adds its configured report class at start-up when no valve of that class is in place
			standardHost.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
		}
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null || !status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(ErrorPageProblems.json(ErrorPageProblems.forStatus(status)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is already under way: nothing more to say
		}
	}

}
