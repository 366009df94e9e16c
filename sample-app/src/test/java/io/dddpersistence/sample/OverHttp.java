package io.dddpersistence.sample;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Drives the sample over real HTTP, as a client would: the application runs on a random port
 * ({@code @SpringBootTest} on the subclass) and each test calls it with Spring's {@code RestClient}.
 */
abstract class OverHttp {

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	RestClient http;

	@BeforeEach
	void connect() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
			.build();
	}

	Reply get(String uri, Object... variables) {
		return send(HttpMethod.GET, Map.of(), null, uri, variables);
	}

	Reply post(String uri, @Nullable Object body, Object... variables) {
		return send(HttpMethod.POST, Map.of(), body, uri, variables);
	}

	Reply delete(String uri, Object... variables) {
		return send(HttpMethod.DELETE, Map.of(), null, uri, variables);
	}

	Reply send(HttpMethod method, Map<String, String> headers, @Nullable Object body, String uri,
			Object... variables) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(uri, variables);
		headers.forEach(request::header);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((req, response) -> {
			String text = new String(response.getBody().readAllBytes());
			return new Reply(response.getStatusCode().value(), response.getHeaders(),
					text.isEmpty() ? json.nullNode() : json.readTree(text));
		});
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A response: status, headers and the body as a JSON tree (a null node when empty). */
	record Reply(int status, HttpHeaders headers, JsonNode body) {

		String text(String field) {
			return this.body.path(field).asString();
		}

		@Nullable MediaType contentType() {
			return this.headers.getContentType();
		}

	}

}
