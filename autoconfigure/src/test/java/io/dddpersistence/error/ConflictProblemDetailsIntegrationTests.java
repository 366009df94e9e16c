package io.dddpersistence.error;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.fixtures.DocumentRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A stale change answers 409 naming the version it was based on and the version stored now, on
 * every path a controller's write takes: saved through a repository with an If-Match version, found
 * at an explicit flush, found at commit. A row archived or deleted meanwhile says so.
 */
@SpringBootTest(classes = { TraitsTestApplication.class, ConflictTestController.class,
		ConflictTestController.Interference.class }, properties = "spring.jpa.hibernate.ddl-auto=create")
@FreshDatabase
class ConflictProblemDetailsIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	DocumentRepository documents;

	@Autowired
	ConflictTestController.Interference interference;

	@Autowired
	JdbcTemplate jdbc;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		TraitsTestApplication.ACTOR.set("alice");
	}

	@Test
	void staleIfMatchSavedThroughAddNamesBothVersions() throws Exception {
		UUID id = storedAtVersionOne();
		conflict(this.mvc.perform(put("/documents/{id}", id).header("If-Match", "\"0\"").param("title", "mine")), id)
			.andExpect(versions(0, 1, "changed"));
		assertThat(title(id)).isEqualTo("theirs");
	}

	@Test
	void currentIfMatchSavedThroughAddIsWritten() throws Exception {
		UUID id = storedAtVersionOne();
		this.mvc.perform(put("/documents/{id}", id).header("If-Match", "\"1\"").param("title", "mine"))
			.andExpect(status().isOk())
			.andExpect(content().string("2"));
		assertThat(title(id)).isEqualTo("mine");
	}

	@Test
	void staleCopySavedThroughSpringDataNamesBothVersions() throws Exception {
		UUID id = storedAtVersionOne();
		conflict(this.mvc.perform(put("/documents/{id}/copy", id).header("If-Match", "0").param("title", "mine")), id)
			.andExpect(versions(0, 1, "changed"));
		assertThat(title(id)).isEqualTo("theirs");
	}

	@Test
	void conflictFoundAtAnExplicitFlushNamesBothVersions() throws Exception {
		UUID id = stored();
		this.interference.set(() -> changeMeanwhile(id));
		conflict(this.mvc.perform(post("/documents/{id}/flush", id).param("title", "mine")), id)
			.andExpect(versions(0, 1, "changed"));
		assertThat(title(id)).isEqualTo("theirs");
	}

	@Test
	void conflictFoundAtCommitNamesBothVersions() throws Exception {
		UUID id = stored();
		this.interference.set(() -> changeMeanwhile(id));
		conflict(this.mvc.perform(post("/documents/{id}/commit", id).param("title", "mine")), id)
			.andExpect(versions(0, 1, "changed"));
		assertThat(title(id)).isEqualTo("theirs");
	}

	@Test
	void rowDeletedBeforeCommitIsAConflictWithoutACurrentVersion() throws Exception {
		UUID id = stored();
		this.interference.set(() -> this.jdbc.update("delete from documents where id = ?", id));
		conflict(this.mvc.perform(post("/documents/{id}/commit", id).param("title", "mine")), id)
			.andExpect(jsonPath("$.expectedVersion").value(0))
			.andExpect(jsonPath("$", hasKey("actualVersion")))
			.andExpect(jsonPath("$.actualVersion").value(nullValue()))
			.andExpect(jsonPath("$.reason").value("deleted"));
		assertThat(this.documents.existsById(id)).isFalse();
	}

	@Test
	void rowDeletedBeforeACopyIsSavedIsAConflictWithoutACurrentVersion() throws Exception {
		UUID id = stored();
		this.interference.set(() -> this.jdbc.update("delete from documents where id = ?", id));
		conflict(this.mvc.perform(put("/documents/{id}/copy", id).header("If-Match", "0").param("title", "mine")), id)
			.andExpect(jsonPath("$.expectedVersion").value(0))
			.andExpect(jsonPath("$", hasKey("actualVersion")))
			.andExpect(jsonPath("$.actualVersion").value(nullValue()))
			.andExpect(jsonPath("$.reason").value("deleted"));
		assertThat(this.documents.existsById(id)).isFalse();
	}

	@Test
	void rowArchivedBeforeAFlushIsAConflictNamingTheArchivedVersion() throws Exception {
		UUID id = stored();
		this.interference.set(() -> archiveMeanwhile(id));
		conflict(this.mvc.perform(post("/documents/{id}/flush", id).param("title", "mine")), id)
			.andExpect(versions(0, 1, "archived"));
		assertThat(title(id)).isEqualTo("first");
	}

	@Test
	void rowArchivedBeforeAddIsAConflictNamingTheArchivedVersion() throws Exception {
		UUID id = stored();
		this.interference.set(() -> archiveMeanwhile(id));
		conflict(this.mvc.perform(put("/documents/{id}", id).header("If-Match", "0").param("title", "mine")), id)
			.andExpect(versions(0, 1, "archived"));
		assertThat(title(id)).isEqualTo("first");
	}

	private ResultActions conflict(ResultActions response, UUID id) throws Exception {
		return response.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.code").value("concurrent-modification"))
			.andExpect(jsonPath("$.entity").value("Document"))
			.andExpect(jsonPath("$.id").value(id.toString()));
	}

	private UUID stored() {
		return this.documents.save(new Document("doc-" + UUID.randomUUID(), "first")).getId();
	}

	private UUID storedAtVersionOne() {
		UUID id = stored();
		changeMeanwhile(id);
		return id;
	}

	private void changeMeanwhile(UUID id) {
		this.jdbc.update("update documents set title = 'theirs', version = version + 1 where id = ?", id);
	}

	private void archiveMeanwhile(UUID id) {
		this.jdbc.update("update documents set archived_at = current_timestamp, archived_by = 'bob', "
				+ "version = version + 1 where id = ?", id);
	}

	private String title(UUID id) {
		return this.jdbc.queryForObject("select title from documents where id = ?", String.class, id);
	}

	/** The problem names the version the request expected, the one the row has now, and why they differ. */
	private static ResultMatcher versions(int expected, int actual, String reason) {
		return (result) -> {
			jsonPath("$.expectedVersion").value(expected).match(result);
			jsonPath("$.actualVersion").value(actual).match(result);
			jsonPath("$.reason").value(reason).match(result);
		};
	}

}
