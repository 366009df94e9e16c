package io.dddpersistence.aot;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTimes;
import io.dddpersistence.entity.AuditTrail;
import io.dddpersistence.entity.DeletedFlag;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** The registrars and processors in {@code META-INF/spring/aot.factories}, as Spring's AOT loads them. */
class LibraryRuntimeHintsTests {

	private final RuntimeHints hints = hints();

	@Test
	void everyRegistrarAndProcessorIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class).asList())
			.extracting((registrar) -> registrar.getClass().getName())
			.contains("io.dddpersistence.entity.EntityTraitsRuntimeHints",
					"io.dddpersistence.error.PersistenceErrorsRuntimeHints",
					"io.dddpersistence.eventstore.EventStoreRuntimeHints",
					"io.dddpersistence.migration.LibrarySchemaRuntimeHints",
					"io.dddpersistence.outbox.OutboxRuntimeHints");
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class).asList())
			.extracting((processor) -> processor.getClass().getName())
			.contains("io.dddpersistence.eventstore.EventStoreAotProcessor",
					"io.dddpersistence.outbox.OutboxAotProcessor",
					"io.dddpersistence.repository.DomainTypesAotProcessor");
	}

	@Test
	void theLibrarysFlywayScriptsAreResources() {
		for (String script : List.of("db/ddd-persistence/outbox/postgresql/V1__outbox.sql",
				"db/ddd-persistence/outbox/h2/V1__outbox.sql", "db/ddd-persistence/event-store/postgresql/V1__event_store.sql",
				"db/ddd-persistence/event-store/postgresql/V2__event_store_check_without_function.sql",
				"db/ddd-persistence/event-store/h2/V1__event_store.sql")) {
			assertThat(getClass().getClassLoader().getResource(script)).as(script).isNotNull();
			assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script).accepts(this.hints);
		}
	}

	@Test
	void theTraitEmbeddablesCanBeCreatedAndFilledReflectively() {
		for (Class<?> trait : List.of(AuditTimes.class, AuditTrail.class, ArchiveState.class, DeletedFlag.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(trait)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
				.as(trait.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void thePostgresDriversErrorDetailsAreReadableReflectively() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.postgresql.util.PSQLException"))
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.postgresql.util.ServerErrorMessage"))
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
	}

	private static RuntimeHints hints() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, LibraryRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

}
