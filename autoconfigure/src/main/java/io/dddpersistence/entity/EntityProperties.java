package io.dddpersistence.entity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

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
 * @param indexCheck What to do at start-up when a column that an entity's traits map (audit, archive, version) or an index that they declare is missing from the database, a tenant column leads no index, or (with row-level security on) a tenant table lacks row-level security or its policy: fail, warn or off.
 * @param batchSize JDBC batch size Hibernate uses for inserts, updates and deletes (hibernate.jdbc.batch_size), unless set explicitly in spring.jpa.properties.
 * @param translateExceptions Whether to translate stale versions, duplicate keys and missing references into the library's exceptions at save, flush and commit.
 * @param migrationScript A file the start-up checks write the statements they would ask for into (missing trait columns, indexes, tenant indexes, row-level security), as one Flyway-ready script, instead of failing; nothing is executed, and an aligned database gets no file.
 * @param columns The trait columns' names for every entity, as an existing schema has them; an entity's @AttributeOverride still wins.
 * @param foreignKeyNaming How generated foreign keys are named: columns (fk_<table>_<columns>, the default, never two alike) or target (fk_<table>_<referenced table>_id, seed 004's convention; two foreign keys from one table to the same table fail start-up, naming both, unless one has an explicit @ForeignKey name).
 */
@ConfigurationProperties(EntityProperties.PREFIX)
public record EntityProperties(@DefaultValue("system") String systemActor, @DefaultValue("fail") IndexCheck indexCheck,
		@DefaultValue("50") int batchSize, @DefaultValue("true") boolean translateExceptions,
		@Nullable Path migrationScript, @DefaultValue Columns columns,
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

	/**
	 * The trait columns' names for every entity; an unset one keeps the trait's default. Every mapped
	 * column with the default name is renamed, and the indexes and checks follow the new name.
	 *
	 * @param createdAt Name of the audit's created_at column.
	 * @param updatedAt Name of the audit's updated_at column.
	 * @param createdBy Name of the audit's created_by column (for example created_by_user_id).
	 * @param updatedBy Name of the audit's updated_by column.
	 * @param archivedAt Name of the archive's archived_at column (for example deleted_at).
	 * @param archivedBy Name of the archive's archived_by column (for example deleted_by).
	 * @param deleted Name of the deleted flag's is_deleted column.
	 */
	public record Columns(@Nullable String createdAt, @Nullable String updatedAt, @Nullable String createdBy,
			@Nullable String updatedBy, @Nullable String archivedAt, @Nullable String archivedBy,
			@Nullable String deleted) {

		private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

		public Columns {
			identifier("created-at", createdAt);
			identifier("updated-at", updatedAt);
			identifier("created-by", createdBy);
			identifier("updated-by", updatedBy);
			identifier("archived-at", archivedAt);
			identifier("archived-by", archivedBy);
			identifier("deleted", deleted);
		}

		private static void identifier(String property, @Nullable String name) {
			if (name != null && !IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException(PREFIX + ".columns." + property + " must be a plain SQL identifier "
						+ "(letters, digits and _, at most 63 characters, not starting with a digit), was '" + name + "'");
			}
		}

		/** Each renamed trait column: its default name, then the name to use. */
		Map<String, String> renames() {
			Map<String, String> renames = new LinkedHashMap<>();
			rename(renames, "created_at", this.createdAt);
			rename(renames, "updated_at", this.updatedAt);
			rename(renames, "created_by", this.createdBy);
			rename(renames, "updated_by", this.updatedBy);
			rename(renames, "archived_at", this.archivedAt);
			rename(renames, "archived_by", this.archivedBy);
			rename(renames, "is_deleted", this.deleted);
			return renames;
		}

		private static void rename(Map<String, String> renames, String column, @Nullable String name) {
			if (name != null && !name.equalsIgnoreCase(column)) {
				renames.put(column, name);
			}
		}

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
