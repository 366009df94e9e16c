package io.dddpersistence.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** What every endpoint shares: problem details for Spring MVC's own errors, health and metrics. */
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
