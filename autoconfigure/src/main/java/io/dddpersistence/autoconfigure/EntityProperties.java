package io.dddpersistence.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Entity traits: auditing, archive checks and the Hibernate settings that keep batching on.
 */
@ConfigurationProperties("ddd.persistence.entity")
public class EntityProperties {

	/**
	 * Actor recorded in created_by, updated_by and archived_by when no user is authenticated.
	 */
	private String systemActor = "system";

	/**
	 * What to do at start-up when an index that an entity's traits declare is missing from the
	 * database: fail, warn or off.
	 */
	private IndexCheck indexCheck = IndexCheck.FAIL;

	/**
	 * JDBC batch size Hibernate uses for inserts, updates and deletes (hibernate.jdbc.batch_size),
	 * unless set explicitly in spring.jpa.properties.
	 */
	private int batchSize = 50;

	/**
	 * Whether to translate stale versions, duplicate keys and missing references into the
	 * library's exceptions at save, flush and commit.
	 */
	private boolean translateExceptions = true;

	public String getSystemActor() {
		return this.systemActor;
	}

	public void setSystemActor(String systemActor) {
		this.systemActor = systemActor;
	}

	public IndexCheck getIndexCheck() {
		return this.indexCheck;
	}

	public void setIndexCheck(IndexCheck indexCheck) {
		this.indexCheck = indexCheck;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("ddd.persistence.entity.batch-size must be at least 1, was " + batchSize);
		}
		this.batchSize = batchSize;
	}

	public boolean isTranslateExceptions() {
		return this.translateExceptions;
	}

	public void setTranslateExceptions(boolean translateExceptions) {
		this.translateExceptions = translateExceptions;
	}

	/** What the start-up index check does when an index is missing. */
	public enum IndexCheck {

		/** Start-up fails, naming the missing indexes. */
		FAIL,

		/** A warning names the missing indexes; start-up goes on. */
		WARN,

		/** No check. */
		OFF

	}

}
