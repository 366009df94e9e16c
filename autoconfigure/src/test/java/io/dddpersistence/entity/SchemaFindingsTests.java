package io.dddpersistence.entity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The one rendering of what the start-up checks found: the script a test reads and the file they write. */
class SchemaFindingsTests {

	@Test
	void anAlignedDatabaseHasNoScript() {
		assertThat(new SchemaFindings(null, EntityProperties.IndexCheck.WARN).script()).isEmpty();
	}

	@Test
	void aContextThatOnlyWarnedStillHasTheScriptWithItsSectionsInOrder() {
		SchemaFindings findings = new SchemaFindings(null, EntityProperties.IndexCheck.WARN);
		findings.missing(SchemaFindings.Section.INDEXES, "indexes", List.of("create index ix_a on a (b);"), "message");
		findings.missing(SchemaFindings.Section.COLUMNS, "columns", List.of("alter table a add column b int;"), "message");
		assertThat(findings.script()).hasValueSatisfying((script) -> assertThat(script)
			.startsWith("-- Brings the database in line with the entity traits")
			.contains("-- columns\nalter table a add column b int;\n")
			.contains("-- indexes\ncreate index ix_a on a (b);\n")
			.satisfies((text) -> assertThat(text.indexOf("alter table")).isLessThan(text.indexOf("create index"))));
	}

	@Test
	void withTheChecksOffTheScriptIsRefusedRatherThanEmpty() {
		SchemaFindings off = new SchemaFindings(null, EntityProperties.IndexCheck.OFF);
		assertThatIllegalStateException().isThrownBy(off::script).withMessageContaining("index-check=off");
	}

	@Test
	void theFileWrittenIsTheScript(@TempDir Path directory) throws Exception {
		Path target = directory.resolve("V9__align.sql");
		SchemaFindings findings = new SchemaFindings(target, EntityProperties.IndexCheck.OFF);
		findings.missing(SchemaFindings.Section.TENANT_INDEXES, "tenant", List.of("create index ix_t on t (tenant_id);"),
				"message");
		assertThat(findings.write()).isTrue();
		assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(findings.script().orElseThrow());
	}

}
