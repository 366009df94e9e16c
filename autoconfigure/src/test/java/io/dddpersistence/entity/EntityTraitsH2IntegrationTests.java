package io.dddpersistence.entity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity trait behaviour of {@link EntityTraitsIntegrationTests}, on H2. The tests that read
 * the schema are rewritten for H2's catalog: H2 has no partial indexes, so unique-among-active is a
 * unique index over the declared columns and a generated {@code ddd_active} column.
 */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class EntityTraitsH2IntegrationTests extends EntityTraitsIntegrationTests {

	@Test
	@Override
	void auditTimesAreTimestampWithTimeZoneAndUpdatedAtIsIndexed() {
		assertThat(this.jdbc.queryForList(
				"select data_type from information_schema.columns where table_name = 'DOCUMENTS' and column_name in ('CREATED_AT', 'UPDATED_AT', 'ARCHIVED_AT')",
				String.class))
			.containsOnly("TIMESTAMP WITH TIME ZONE");
		assertThat(indexColumns("DOCUMENTS")).containsEntry("ix_documents_updated_at", List.of("updated_at"));
	}

	@Test
	@Override
	void partialIndexesArePartOfTheGeneratedSchema() {
		assertThat(indexColumns("DOCUMENTS")).containsEntry("ix_documents_archivable_active", List.of("archived_at"))
			.containsEntry("ix_documents_archivable_archived", List.of("archived_at"))
			.containsEntry("uq_documents_archivable_slug", List.of("slug", "ddd_active"));
		assertThat(this.jdbc.queryForObject(
				"select generation_expression from information_schema.columns where table_name = 'DOCUMENTS' and column_name = 'DDD_ACTIVE'",
				String.class))
			.isEqualTo("CASE WHEN \"ARCHIVED_AT\" IS NULL THEN TRUE END");
		assertThat(indexColumns("TICKETS"))
			.containsEntry("uq_tickets_archivable_event_id_seat_number", List.of("event_id", "seat_number", "ddd_active"))
			.containsKeys("uq_tickets_archivable_code", "ix_tickets_archivable_active");
		assertThat(this.jdbc.queryForObject(
				"select generation_expression from information_schema.columns where table_name = 'TICKETS' and column_name = 'DDD_ACTIVE'",
				String.class))
			.containsIgnoringCase("\"IS_DELETED\" = FALSE");
		assertThat(this.jdbc.queryForList(
				"select index_type_name from information_schema.indexes where index_name = 'UQ_DOCUMENTS_ARCHIVABLE_SLUG'",
				String.class))
			.containsExactly("UNIQUE INDEX");
	}

	@Test
	@Override
	void foreignKeysAndIndexesAreNamedByConvention() {
		assertThat(this.jdbc.queryForList(
				"select lower(constraint_name) from information_schema.table_constraints where table_name = 'COMMENTS' and constraint_type = 'FOREIGN KEY'",
				String.class))
			.containsExactly("fk_comments_document_id");
		assertThat(this.jdbc.queryForList(
				"select lower(column_name) from information_schema.columns where table_name = 'TICKETS'", String.class))
			.contains("event_id", "seat_number", "is_deleted");
	}

	@Test
	@Override
	void uuidKeysAreTimeOrderedVersion7AndLongKeysComeFromAPooledSequence() {
		Document a = this.documents.save(new Document(slug(), "a"));
		Document b = this.documents.save(new Document(slug(), "b"));
		assertThat(a.getId().version()).isEqualTo(7);
		assertThat(a.getId().compareTo(b.getId())).isNegative();
		assertThat(this.jdbc.queryForObject(
				"select increment from information_schema.sequences where sequence_name = 'TICKETS_SEQ'", Long.class))
			.isGreaterThan(1);
	}

	private Map<String, List<String>> indexColumns(String table) {
		Map<String, List<String>> indexes = new java.util.HashMap<>();
		this.jdbc.query(
				"select index_name, column_name from information_schema.index_columns where table_name = ? order by index_name, ordinal_position",
				(row) -> {
					indexes.computeIfAbsent(row.getString(1).toLowerCase(Locale.ROOT), (name) -> new java.util.ArrayList<>())
						.add(row.getString(2).toLowerCase(Locale.ROOT));
				}, table);
		return indexes;
	}

}
