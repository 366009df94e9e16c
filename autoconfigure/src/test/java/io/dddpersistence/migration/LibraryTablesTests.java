package io.dddpersistence.migration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LibraryTablesTests {

	@Test
	void theDefaultsGiveBackTheStatementsAndScriptsAsWritten() {
		LibraryTables tables = LibraryTables.of(null, "ddd_", "ddd.persistence.outbox.schema");
		String sql = "UPDATE ddd_outbox_message SET seq = (SELECT last_value FROM ddd_outbox_message_seq_seq)";
		assertThat(tables).isSameAs(LibraryTables.DEFAULT);
		assertThat(tables.sql(sql)).isSameAs(sql);
		assertThat(tables.script("CREATE TABLE ddd_outbox_message (CONSTRAINT pk_ddd_outbox_message)"))
			.isEqualTo("CREATE TABLE ddd_outbox_message (CONSTRAINT pk_ddd_outbox_message)");
	}

	@Test
	void statementsNameTheTablesAndSequencesQualifiedAndNothingElse() {
		LibraryTables tables = LibraryTables.of("Messaging", "Acme_", "ddd.persistence.outbox.schema");
		assertThat(tables.sql("SELECT m.id FROM ddd_outbox_message m JOIN ddd_outbox_message_seq_seq s "
				+ "WHERE ddd_outbox_message.x = 'ddd_outbox_message' AND other.ddd_col = 1"))
			.isEqualTo("SELECT m.id FROM messaging.acme_outbox_message m JOIN messaging.acme_outbox_message_seq_seq s "
					+ "WHERE messaging.acme_outbox_message.x = 'messaging.acme_outbox_message' AND other.ddd_col = 1");
		assertThat(tables.name("outbox_schema_history")).isEqualTo("acme_outbox_schema_history");
	}

	@Test
	void scriptsRenameEveryNameThatCarriesThePrefix() {
		LibraryTables tables = LibraryTables.of(null, "", "ddd.persistence.outbox.schema");
		assertThat(tables.script("CREATE INDEX ix_ddd_outbox_message_pending ON ddd_outbox_message (x)"))
			.isEqualTo("CREATE INDEX ix_outbox_message_pending ON outbox_message (x)");
	}

	@Test
	void namesThatAreNotPlainIdentifiersAreRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> LibraryTables.of("my schema", "ddd_", "p.schema"))
			.withMessageContaining("p.schema.name");
		assertThatIllegalArgumentException().isThrownBy(() -> LibraryTables.of(null, "1x_", "p.schema"))
			.withMessageContaining("p.schema.table-prefix");
		assertThatIllegalArgumentException().isThrownBy(() -> LibraryTables.of(null, "a;drop", "p.schema"))
			.withMessageContaining("a;drop");
	}

}
