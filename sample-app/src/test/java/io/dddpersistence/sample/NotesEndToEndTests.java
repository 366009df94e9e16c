package io.dddpersistence.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class NotesEndToEndTests extends EndToEndTests {

	@Test
	void eachUserSeesOnlyTheirNotesAndAnAdminSeesAll() {
		String alice = unique("alice");
		String bob = unique("bob");
		Reply created = send(HttpMethod.POST, Map.of("X-User", alice), Map.of("title", "diary"), "/notes");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("ownerId")).isEqualTo(alice);
		String id = created.text("id");
		send(HttpMethod.POST, Map.of("X-User", bob), Map.of("title", "groceries"), "/notes");

		assertThat(send(HttpMethod.GET, Map.of("X-User", bob), null, "/notes/{id}", id).status()).isEqualTo(404);
		assertThat(send(HttpMethod.GET, Map.of("X-User", bob), null, "/notes").body()).hasSize(1);
		Reply stolen = send(HttpMethod.PATCH, Map.of("X-User", bob, "If-Match", "\"0\""), Map.of("title", "mine now"),
				"/notes/{id}", id);
		assertThat(stolen.status()).isEqualTo(404);
		assertThat(send(HttpMethod.GET, Map.of("X-User", alice), null, "/notes/{id}", id).text("title"))
			.isEqualTo("diary");

		Reply forged = send(HttpMethod.POST, Map.of("X-User", bob), Map.of("title", "x", "ownerId", alice), "/notes");
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.text("field")).isEqualTo("ownerId");

		assertThat(send(HttpMethod.GET, Map.of("X-User", "root", "X-Role", "admin"), null, "/notes/{id}", id).status())
			.isEqualTo(200);
		Reply anonymous = get("/notes");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.text("code")).isEqualTo("missing-owner");
	}

}
