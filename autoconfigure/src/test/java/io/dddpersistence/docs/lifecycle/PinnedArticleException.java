package io.dddpersistence.docs.lifecycle;

/** Raised by a hook to veto archiving a pinned article. */
public class PinnedArticleException extends RuntimeException {

	public PinnedArticleException(String title) {
		super("Unpin " + title + " first");
	}

}
