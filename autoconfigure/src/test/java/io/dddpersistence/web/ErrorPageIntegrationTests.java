package io.dddpersistence.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client gets from a real Tomcat when a request goes wrong outside any controller advice:
 * every answer is an RFC 9457 problem detail without internals, and what the client caused is not
 * logged above debug. Requests are written by hand on a socket, since HTTP clients refuse to send
 * bad escapes or invalid UTF-8.
 */
@SpringBootTest(classes = WebErrorsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.jpa.hibernate.ddl-auto=create")
@FreshDatabase
@ExtendWith(OutputCaptureExtension.class)
class ErrorPageIntegrationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aBadPercentEscapeInTheQueryIsAProblemDetail(CapturedOutput output) throws IOException {
		assertClientProblem(output, output.length(), get("/echo?q=%zz"), 400);
	}

	@Test
	void aBadPercentEscapeInThePathIsAProblemDetail(CapturedOutput output) throws IOException {
		assertClientProblem(output, output.length(), get("/ech%zzo"), 400);
	}

	@Test
	void invalidUtf8InTheQueryIsAProblemDetail(CapturedOutput output) throws IOException {
		assertClientProblem(output, output.length(), get("/echo?q=%C3%28"), 400);
	}

	@Test
	void invalidUtf8InThePathIsAProblemDetail(CapturedOutput output) throws IOException {
		assertClientProblem(output, output.length(), get("/echo/%C3%28"), 400);
	}

	@Test
	void tooManyParametersIsAProblemDetail(CapturedOutput output) throws IOException {
		StringBuilder query = new StringBuilder("/echo?q=1");
		for (int i = 0; i < 1000; i++) {
			query.append("&p=").append(i % 10);
		}
		assertClientProblem(output, output.length(), get(query.toString()), 400);
	}

	@Test
	void aBrowserAskingForHtmlGetsAProblemDetailToo(CapturedOutput output) throws IOException {
		assertClientProblem(output, output.length(), send("GET /ech%zzo HTTP/1.0", Map.of("Accept", "text/html")), 400);
	}

	@Test
	void anUnexpectedExceptionIsAProblemDetailWithoutInternals() throws IOException {
		Reply reply = get("/boom");
		assertThat(reply.status()).isEqualTo(500);
		assertProblem(reply, 500);
		assertThat(reply.body()).doesNotContain("secret", "db-internal", "IllegalStateException", "Exception");
		assertThat(reply.problem().path("instance").asString()).isEqualTo("/boom");
		Reply browser = send("GET /boom HTTP/1.0", Map.of("Accept", "text/html"));
		assertThat(browser.status()).isEqualTo(500);
		assertProblem(browser, 500);
	}

	@Test
	void twoTenantHeadersAreRefusedAndNothingIsWritten(CapturedOutput output) throws IOException {
		long before = invoices();
		int logged = output.length();
		Reply twice = send("POST /invoices?number=A-1 HTTP/1.0",
				Map.of("X-Tenant-Id", "acme", "x-tenant-id", "globex"));
		assertClientProblem(output, logged, twice, 400);
		assertThat(twice.problem().path("code").asString()).isEqualTo("ambiguous-tenant");
		assertThat(twice.problem().path("header").asString()).isEqualTo("X-Tenant-Id");
		assertThat(twice.body()).doesNotContain("acme", "globex");
		Reply joined = send("POST /invoices?number=A-2 HTTP/1.0", Map.of("X-Tenant-Id", "acme, globex"));
		assertThat(joined.status()).isEqualTo(400);
		assertThat(joined.problem().path("code").asString()).isEqualTo("ambiguous-tenant");
		assertThat(invoices()).isEqualTo(before);
	}

	@Test
	void oneTenantHeaderIsTrimmedAndUsed() throws IOException {
		Reply reply = send("POST /invoices?number=B-1 HTTP/1.0", Map.of("X-Tenant-Id", "  acme  "));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select tenant_id from invoices where number = 'B-1'", String.class))
			.isEqualTo("acme");
	}

	private long invoices() {
		return this.jdbc.queryForObject("select count(*) from invoices", Long.class);
	}

	/** The reply is the problem detail of a client's mistake, and nothing was logged for it above debug. */
	private void assertClientProblem(CapturedOutput output, int logged, Reply reply, int status) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertProblem(reply, status);
		String log = output.getAll().substring(Math.min(logged, output.getAll().length()));
		assertThat(log).as("a client's mistake is not logged above debug").doesNotContain(" ERROR ", " WARN ", "\tat ");
	}

	private static void assertProblem(Reply reply, int status) {
		assertThat(reply.headers().get("content-type")).as(reply.toString()).startsWith("application/problem+json");
		JsonNode problem = reply.problem();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asString()).isNotEmpty();
		assertThat(problem.path("title").asString()).isNotEmpty();
		assertThat(problem.path("detail").asString()).isNotEmpty();
		assertThat(problem.has("trace")).isFalse();
		assertThat(problem.has("exception")).isFalse();
		assertThat(reply.body()).doesNotContain("org.apache", "java.lang", "\tat ");
	}

	private Reply get(String target) throws IOException {
		return send("GET " + target + " HTTP/1.0", Map.of());
	}

	/** Writes the request line and headers as given (HTTP/1.0: the answer ends when the server closes). */
	private Reply send(String requestLine, Map<String, String> headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			if (requestLine.startsWith("POST")) {
				request.append("Content-Length: 0\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return Reply.read(socket.getInputStream());
		}
	}

	record Reply(int status, Map<String, String> headers, String body) {

		static Reply read(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			String text = bytes.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			List<String> lines = List.of(text.substring(0, end).split("\r\n"));
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line : lines.subList(1, lines.size())) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			return new Reply(Integer.parseInt(lines.get(0).split(" ")[1]), headers, text.substring(end + 4));
		}

		JsonNode problem() {
			return json.readTree(this.body);
		}

	}

}
