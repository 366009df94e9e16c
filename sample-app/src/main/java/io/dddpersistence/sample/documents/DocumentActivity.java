package io.dddpersistence.sample.documents;

import io.dddpersistence.lifecycle.EntityLifecycleHook;
import io.dddpersistence.lifecycle.PropertyChanges;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The documents' activity log, written once a change has committed (never for a change that rolled
 * back): a lifecycle hook, see docs/lifecycle-hooks.md. A delete archives a document, so it is
 * logged as archived.
 */
@Component
class DocumentActivity implements EntityLifecycleHook<Document> {

	private static final Log logger = LogFactory.getLog(DocumentActivity.class);

	@Override
	public void afterCreate(Document document) {
		logger.info("Document " + document.getSlug() + " created");
	}

	@Override
	public void afterUpdate(Document document, PropertyChanges changes) {
		logger.info("Document " + document.getSlug() + " changed: " + changes.names());
	}

	@Override
	public void afterArchive(Document document) {
		logger.info("Document " + document.getSlug() + " archived");
	}

	@Override
	public void afterRestore(Document document) {
		logger.info("Document " + document.getSlug() + " restored");
	}

}
