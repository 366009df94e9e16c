package io.dddpersistence.sample;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** What every endpoint shares: problem details for Spring MVC's own errors, health and metrics. */
@ExtendWith(OutputCaptureExtension.class)
class PlatformEndToEndTests extends EndToEndTests {

	@Test
	void anUnknownPathAnswersAProblemDetail() {
		Reply missing = get("/nothing-here");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anUnreadableBodyAnswersAProblemDetail() {
		Reply bad = send(HttpMethod.POST, Map.of("Content-Type", "application/json"), null, "/tickets");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aMissingEntityAnswersAProblemDetail() {
		Reply missing = get("/tickets/{id}", "0190a7e4-0000-7000-8000-000000000000");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing.text("entity")).isEqualTo("Ticket");
	}

	@Test
	void aRepeatedSingleValuedParameterSaysItMustBeGivenOnce() {
		Reply twice = get("/stores/near?lon=2.29&lat=48.85&lat=48.86&radius=100");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(twice.text("code")).isEqualTo("repeated-parameter");
		assertThat(twice.text("detail")).isEqualTo("The parameter 'lat' must be given once.");
		assertThat(get("/stores/near?lon=2.29&lat=north&lat=48.86&radius=100").text("detail"))
			.isEqualTo("The parameter 'lat' must be given once.");
		assertThat(twice.body().toString()).doesNotContain("[Ljava", "java.lang");
		Reply word = get("/stores/near?lon=2.29&lat={lat}&radius=100", "north".repeat(1000));
		assertThat(word.status()).isEqualTo(400);
		assertThat(word.text("detail")).isEqualTo("The parameter 'lat' must be a double, not '"
				+ "north".repeat(13).substring(0, 64) + "…'.");
	}

	@Test
	void anUnsupportedContentTypeIsAProblemDetailNotLoggedAsAnError(CapturedOutput output) {
		int logged = output.length();
		Reply wrong = send(HttpMethod.POST, Map.of("Content-Type", "text/plain"), null, "/tickets");
		assertThat(wrong.status()).isEqualTo(415);
		assertThat(wrong.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(output.toString().substring(logged)).doesNotContain(" ERROR ", "\tat ");
	}

	/** What Tomcat refuses itself (bad escapes, invalid UTF-8, too many parameters), sent on a raw socket. */
	@Test
	void malformedRequestsAnswerProblemDetailsAndAreNotLoggedAsErrors(CapturedOutput output) throws IOException {
		StringBuilder many = new StringBuilder("/products?size=1");
		for (int i = 0; i < 1000; i++) {
			many.append("&p=1");
		}
		for (String target : new String[] { "/products?filter=%zz", "/stores/near?lon=1&lat=%C3%28&radius=1",
				"/pro%zzducts", "/products/%C3%28", many.toString() }) {
			int logged = output.length();
			String reply = raw("GET " + target + " HTTP/1.0");
			assertThat(reply).as(target).startsWith("HTTP/1.1 400");
			assertThat(reply).as(target).containsIgnoringCase("content-type: application/problem+json");
			assertThat(reply).as(target).contains("\"status\":400").doesNotContain("org.apache", "Exception");
			assertThat(output.toString().substring(logged)).as(target).doesNotContain(" ERROR ", " WARN ", "\tat ");
		}
	}

	private String raw(String requestLine) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: localhost\r\nX-Tenant-Id: acme\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void healthShowsTheDatabase() {
		Reply health = get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text("status")).isEqualTo("UP");
		assertThat(health.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void metricsAreExposed() {
		get("/stores/near?lon=0&lat=0&radius=1");
		Reply metrics = get("/actuator/metrics");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body().path("names").toString()).contains("http.server.requests", "hikaricp.connections");
		assertThat(get("/actuator/metrics/http.server.requests").status()).isEqualTo(200);
	}

}
