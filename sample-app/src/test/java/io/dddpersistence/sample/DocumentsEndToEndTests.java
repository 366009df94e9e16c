package io.dddpersistence.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DocumentsEndToEndTests extends EndToEndTests {

	@Test
	void deletingArchivesAndRestoringBringsTheDocumentBack() {
		String slug = unique("pricing");
		String id = create(slug, "Pricing").text("id");

		assertThat(delete("/documents/{id}", id).status()).isEqualTo(204);
		assertThat(get("/documents/{id}", id).status()).isEqualTo(404);
		assertThat(get("/documents?filter={f}", "slug:eq:" + slug).body().path("items").size()).isZero();
		Reply archived = get("/documents/archived?filter={f}", "slug:eq:" + slug);
		assertThat(archived.body().path("items").size()).isEqualTo(1);
		assertThat(archived.body().path("items").get(0).path("archivedAt").isNull()).isFalse();

		Reply restored = post("/documents/{id}/restore", null, id);
		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.body().path("archivedAt").isNull()).isTrue();
		assertThat(get("/documents/{id}", id).text("slug")).isEqualTo(slug);
	}

	@Test
	void theActivityLogHookRecordsEachCommittedChange(CapturedOutput output) {
		String slug = unique("activity");
		String id = create(slug, "Activity").text("id");
		delete("/documents/{id}", id);
		post("/documents/{id}/restore", null, id);
		assertThat(output.toString().lines().filter((line) -> line.contains("Document " + slug + " ")))
			.anyMatch((line) -> line.endsWith("Document " + slug + " created"))
			.anyMatch((line) -> line.endsWith("Document " + slug + " archived"))
			.anyMatch((line) -> line.endsWith("Document " + slug + " restored"));
		// a create refused by the unique slug rolled back: it is not in the log
		int start = output.length();
		create(slug, "Activity again");
		assertThat(output.toString().substring(start)).doesNotContain("Document " + slug + " created");
	}

	@Test
	void aMergePatchChangesTheTitleAndBodyOnlyAndNeedsTheCurrentVersion() {
		String slug = unique("patched");
		String id = create(slug, "Draft").text("id");
		Reply patched = send(HttpMethod.PATCH, Map.of("If-Match", "\"0\""),
				Map.of("title", "Final"), "/documents/{id}", id);
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.text("title")).isEqualTo("Final");
		assertThat(patched.text("slug")).isEqualTo(slug);
		Reply slugChange = send(HttpMethod.PATCH, Map.of("If-Match", "\"1\""),
				Map.of("slug", "hijacked"), "/documents/{id}", id);
		assertThat(slugChange.status()).isEqualTo(400);
		assertThat(slugChange.text("code")).isEqualTo("field-not-writable");
		Reply stale = send(HttpMethod.PATCH, Map.of("If-Match", "\"0\""),
				Map.of("body", "late"), "/documents/{id}", id);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(get("/documents/{id}", id).text("slug")).isEqualTo(slug);
	}

	@Test
	void aSlugIsUniqueAmongActiveDocumentsOnly() {
		String slug = unique("terms");
		String first = create(slug, "Terms").text("id");

		Reply duplicate = create(slug, "Terms again");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.text("code")).isEqualTo("duplicate-value");
		assertThat(duplicate.text("constraint")).isEqualTo("uq_documents_archivable_slug");

		delete("/documents/{id}", first);
		assertThat(create(slug, "Terms, new edition").status()).isEqualTo(201);
		Reply restoreClash = post("/documents/{id}/restore", null, first);
		assertThat(restoreClash.status()).isEqualTo(409);
		assertThat(restoreClash.text("code")).isEqualTo("duplicate-value");
	}

	@Test
	void aDuplicateSlugIsAnExpected409AndNoWarningInTheLog(CapturedOutput output) {
		String slug = unique("quiet");
		create(slug, "Quiet");
		int start = output.length();
		assertThat(create(slug, "Quiet again").status()).isEqualTo(409);
		assertThat(output.toString().substring(start).lines()).noneMatch((line) -> line.contains("WARN"))
			.noneMatch((line) -> line.contains("HHH100503"));
	}

	@Test
	void theListSearchesBySlugAndTitle() {
		String prefix = unique("guide");
		create(prefix + "-b", "Beta guide");
		create(prefix + "-a", "Alpha guide");
		Reply list = get("/documents?filter={f}&sort={s}", "slug:starts_with:" + prefix, "slug");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().path("items").get(0).path("title").asString()).isEqualTo("Alpha guide");
		assertThat(list.body().path("items").size()).isEqualTo(2);
		assertThat(list.body().path("after").isNull()).isTrue();
	}

	@Test
	void restoringAnUnknownDocumentAnswers404() {
		Reply missing = post("/documents/{id}/restore", null, "0190a7e4-0000-7000-8000-000000000000");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text("code")).isEqualTo("not-found");
	}

	private Reply create(String slug, String title) {
		return post("/documents", Map.of("slug", slug, "title", title, "body", "..."));
	}

}
