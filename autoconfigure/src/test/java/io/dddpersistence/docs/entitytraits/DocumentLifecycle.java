package io.dddpersistence.docs.entitytraits;

import org.springframework.stereotype.Service;

import io.dddpersistence.entity.Archiving;

/** The explicit archive operations of the page, on a document found by its slug. */
@Service
class DocumentLifecycle {

	private final Archiving archiving;

	private final DocumentRepository documents;

	DocumentLifecycle(Archiving archiving, DocumentRepository documents) {
		this.archiving = archiving;
		this.documents = documents;
	}

	void archiveRestoreAndPurge(Document document, String slug) {
		// snippet-start
		Document archived = archiving.archive(document);              // when and by whom recorded
		archiving.includingArchived(() -> documents.findBySlug(slug)); // active and archived rows
		archiving.onlyArchived(() -> documents.findAll());             // archived rows only
		Document restored = archiving.restore(archived);              // active again
		archiving.purge(restored);                                    // hard delete, for good
		// snippet-end
	}

}
