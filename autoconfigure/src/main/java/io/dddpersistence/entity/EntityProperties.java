package io.dddpersistence.entity;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Entity traits: auditing, archive checks and the Hibernate settings that keep batching on. The one
 * place where each setting, its default and its rule are written; a bad value fails at start-up with
 * a message that names the property as it is written in {@code application.yml}.
 *
 * @param systemActor Actor recorded in created_by, updated_by and archived_by when no user is authenticated.
 * @param indexCheck What to do at start-up when an index that an entity's traits declare is missing from the database: fail, warn or off.
 * @param batchSize JDBC batch size Hibernate uses for inserts, updates and deletes (hibernate.jdbc.batch_size), unless set explicitly in spring.jpa.properties.
 * @param translateExceptions Whether to translate stale versions, duplicate keys and missing references into the library's exceptions at save, flush and commit.
 * @param foreignKeyNaming How generated foreign keys are named: columns (fk_<table>_<columns>, the default, never two alike) or target (fk_<table>_<referenced table>_id, seed 004's convention; two foreign keys from one table to the same table fail start-up, naming both, unless one has an explicit @ForeignKey name).
 */
@ConfigurationProperties(EntityProperties.PREFIX)
public record EntityProperties(@DefaultValue("system") String systemActor, @DefaultValue("fail") IndexCheck indexCheck,
		@DefaultValue("50") int batchSize, @DefaultValue("true") boolean translateExceptions,
		@DefaultValue("columns") ForeignKeyNaming foreignKeyNaming) {

	static final String PREFIX = "ddd.persistence.entity";

	/** Every setting at its default, bound from no source at all, so the defaults are written once. */
	public static final EntityProperties DEFAULTS = defaults();

	public EntityProperties {
		if (batchSize < 1) {
			throw new IllegalArgumentException(PREFIX + ".batch-size must be at least 1, was " + batchSize);
		}
	}

	private static EntityProperties defaults() {
		Binder none = new Binder(new MapConfigurationPropertySource(Map.of()));
		return none.bindOrCreate(PREFIX, Bindable.of(EntityProperties.class));
	}

	/** How the foreign keys Hibernate generates are named. */
	public enum ForeignKeyNaming {

		/** {@code fk_<table>_<columns>}: {@code fk_orders_customer_id}. */
		COLUMNS,

		/** {@code fk_<table>_<referenced table>_id}: {@code fk_orders_customers_id}. */
		TARGET

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
