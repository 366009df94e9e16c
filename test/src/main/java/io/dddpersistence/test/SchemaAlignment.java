package io.dddpersistence.test;

import java.lang.reflect.Method;
import java.util.Optional;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Asserts, in a test, that the schema the application's migrations built gives the entities what
 * their traits need (columns, trait and spatial indexes, tenant indexes, row-level security), and
 * hands over the Flyway-ready script that would add what is missing: the script the start-up checks
 * write for {@code ddd.persistence.entity.migration-script}, from the context's own checks.
 * <p>
 * The checks run as the context starts, so with {@code ddd.persistence.entity.index-check=fail}
 * (the default) a missing piece already fails start-up, with the statements in the message. Start
 * the test's context with {@code index-check=warn}, or with {@code migration-script} set, to get
 * the script from a context that started; with {@code index-check=off} and no script file the
 * checks do not run, and both methods refuse rather than report an alignment nobody checked.
 *
 * <pre class="code">
 * &#64;SpringBootTest(properties = "ddd.persistence.entity.index-check=warn")
 * &#64;FreshDatabase
 * class MigrationsTests {
 *
 *     &#64;Test
 *     void theMigrationsGiveTheEntitiesWhatTheirTraitsNeed(&#64;Autowired ApplicationContext context) {
 *         SchemaAlignment.assertAligned(context);
 *     }
 *
 * }
 * </pre>
 */
public final class SchemaAlignment {

	// looked up by name: the kit depends on nothing of the library, so that the library's own tests use it too
	private static final String SCHEMA_FINDINGS = "io.dddpersistence.entity.SchemaFindings";

	private SchemaAlignment() {
	}

	/** The script that would align the context's database with the entity traits; empty when it is aligned. */
	public static Optional<String> migrationScript(ApplicationContext context) {
		Object findings = findings(context);
		Method script = ReflectionUtils.findMethod(findings.getClass(), "script");
		if (script == null) {
			throw new IllegalStateException("This ddd-persistence has no SchemaFindings.script(): "
					+ "use the test kit of the same version as the library");
		}
		// rethrows what script() throws, such as its refusal when the checks are off
		Optional<?> found = (Optional<?>) ReflectionUtils.invokeMethod(script, findings);
		return (found != null) ? found.map(String.class::cast) : Optional.empty();
	}

	/**
	 * Fails with the script in the message when the context's database lacks anything the entity
	 * traits need.
	 */
	public static void assertAligned(ApplicationContext context) {
		migrationScript(context).ifPresent((script) -> {
			throw new AssertionError("The database lacks what the entity traits need; "
					+ "this script would add it (review it, then add it to your migrations):\n" + script);
		});
	}

	private static Object findings(ApplicationContext context) {
		ClassLoader classLoader = context.getClassLoader();
		if (!ClassUtils.isPresent(SCHEMA_FINDINGS, classLoader)) {
			throw new IllegalStateException("ddd-persistence is not on the test's class path: there are no entity "
					+ "traits to check");
		}
		Class<?> type = ClassUtils.resolveClassName(SCHEMA_FINDINGS, classLoader);
		Object findings = context.getBeanProvider(type).getIfUnique();
		if (findings == null) {
			throw new IllegalStateException("The context has no start-up schema checks (no " + type.getSimpleName()
					+ " bean): does it start JPA on a data source, with the ddd-persistence auto-configuration?");
		}
		return findings;
	}

}
