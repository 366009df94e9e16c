package io.dddpersistence.sample.documents;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.patch.MergePatchRequest;
import io.dddpersistence.repository.Listing;
import io.dddpersistence.sample.web.NotFoundException;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.specification.web.SearchFields;

/** Documents: PATCH merges the title and body, DELETE archives, {@code POST /documents/{id}/restore} brings one back. */
@RestController
@RequestMapping("/documents")
class DocumentController {

	private final DocumentRepository documents;

	DocumentController(DocumentRepository documents) {
		this.documents = documents;
	}

	@PostMapping
	ResponseEntity<DocumentView> create(@RequestBody NewDocument request) {
		Document document = this.documents.add(new Document(request.slug(), request.title(), request.body()));
		return ResponseEntity.created(URI.create("/documents/" + document.getId())).body(DocumentView.of(document));
	}

	@GetMapping("/{id}")
	DocumentView get(@PathVariable UUID id) {
		return DocumentView.of(find(id));
	}

	/** A JSON Merge Patch of the title and body (the document's @Writable), based on the version in If-Match. */
	@PatchMapping("/{id}")
	ResponseEntity<DocumentView> patch(@PathVariable UUID id, MergePatchRequest<Document> patch) {
		Document patched = patch.applyTo(id);
		return ResponseEntity.ok().eTag("\"" + patched.getVersion() + "\"").body(DocumentView.of(patched));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> archive(@PathVariable UUID id) {
		find(id);
		this.documents.remove(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/restore")
	DocumentView restore(@PathVariable UUID id) {
		this.documents.includingArchived(() -> find(id));
		this.documents.restore(id);
		return DocumentView.of(find(id));
	}

	@GetMapping
	Listing<DocumentView> list(@SearchFields(filter = { "slug", "title" }, sort = { "slug", "title" })
			SearchRequest<Document> search) {
		return this.documents.search(search).listing(DocumentView::of);
	}

	/** The archived documents, searched with the same grammar. */
	@GetMapping("/archived")
	Listing<DocumentView> archived(@SearchFields(filter = { "slug", "title" }, sort = { "slug", "title" })
			SearchRequest<Document> search) {
		return this.documents.onlyArchived(() -> this.documents.search(search).listing(DocumentView::of));
	}

	private Document find(UUID id) {
		return this.documents.get(id).orElseThrow(() -> new NotFoundException("Document", id));
	}

	record NewDocument(String slug, String title, String body) {
	}

	record DocumentView(@Nullable UUID id, String slug, String title, String body, @Nullable Long version,
			@Nullable Instant createdAt, @Nullable Instant updatedAt, @Nullable Instant archivedAt) {

		static DocumentView of(Document document) {
			return new DocumentView(document.getId(), document.getSlug(), document.getTitle(), document.getBody(),
					document.getVersion(), document.getTimes().getCreatedAt(), document.getTimes().getUpdatedAt(),
					document.getArchivedAt());
		}

	}

}
