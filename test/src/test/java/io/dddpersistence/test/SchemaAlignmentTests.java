package io.dddpersistence.test;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Without the library the helper says so instead of calling the database aligned. This module does
 * not depend on the library; the library's tests use the helper on real entities and migrations
 * ({@code io.dddpersistence.docs.alignment} in the autoconfigure module).
 */
class SchemaAlignmentTests {

	@Test
	void withoutTheLibraryOnTheClassPathBothMethodsRefuse() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.refresh();
			assertThatIllegalStateException().isThrownBy(() -> SchemaAlignment.migrationScript(context))
				.withMessageContaining("ddd-persistence is not on the test's class path");
			assertThatIllegalStateException().isThrownBy(() -> SchemaAlignment.assertAligned(context))
				.withMessageContaining("ddd-persistence is not on the test's class path");
		}
	}

}
