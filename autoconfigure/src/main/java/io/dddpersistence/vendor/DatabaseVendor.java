package io.dddpersistence.vendor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * The databases the library writes vendor SQL for. Each capability whose SQL differs between them
 * picks its own small strategy from this value once, instead of testing the database wherever SQL
 * is written: at run time from the {@link DatabaseVendors} bean, which reads a {@code DataSource}'s
 * product name once; while Hibernate builds its mapping, with no Spring beans around, from its
 * {@link Dialect}.
 */
public enum DatabaseVendor {

	/** PostgreSQL 15+ with PostGIS: the production target and the reference behaviour. */
	POSTGRESQL("postgresql", "PostgreSQL"),

	/** H2 2.4 with H2GIS for spatial: the embedded database for local runs and fast tests. */
	H2("h2", "H2");

	/** The package of Spring Data JPA's build-time metamodel and its dialect. */
	private static final String SPRING_DATA_JPA_AOT_PACKAGE = "org.springframework.data.jpa.repository.aot.";

	/** The system property Spring's AOT processors set while they run ({@code AbstractAotProcessor}). */
	private static final String AOT_PROCESSING = "spring.aot.processing";

	private final String folder;

	private final String displayName;

	DatabaseVendor(String folder, String displayName) {
		this.folder = folder;
		this.displayName = displayName;
	}

	/** The folder of this vendor's scripts under {@code db/ddd-persistence/<capability>/}. */
	public String folder() {
		return this.folder;
	}

	/**
	 * The vendor for a JDBC database product name, if the library writes SQL for it. Only
	 * {@link DatabaseVendors} reads product names, once per data source.
	 */
	static Optional<DatabaseVendor> ofProduct(String product) {
		String lower = product.toLowerCase(Locale.ROOT);
		if (lower.contains("postgres")) {
			return Optional.of(POSTGRESQL);
		}
		if (lower.equals("h2")) {
			return Optional.of(H2);
		}
		return Optional.empty();
	}

	/** Names the vendor as a user reads it in a message: PostgreSQL, H2. */
	String displayName() {
		return this.displayName;
	}

	/** The vendor Hibernate's dialect stands for, failing for one the library has no SQL for. */
	public static DatabaseVendor of(Dialect dialect, String feature) {
		return find(dialect).orElseThrow(() -> unsupported(dialect.getClass().getSimpleName(), feature));
	}

	/**
	 * Whether Hibernate builds this mapping at build time, for ahead-of-time processing, rather than
	 * for a database: Spring Data JPA's AOT repositories bootstrap Hibernate with a dialect of their
	 * own ({@code SpringDataJpaAotDialect}) to derive queries while {@code spring-boot:process-aot}
	 * runs. Such a mapping never creates a schema or reaches a database, so the mapping contributors
	 * keep their vendor-neutral work (filters, column types, declaration checks) and leave the vendor
	 * SQL (indexes, policies) to the mapping built at run time.
	 * @param dialect the dialect of the mapping being built
	 * @return {@code true} for a build-time mapping without a database behind it
	 */
	public static boolean isBuildTimeMapping(Dialect dialect) {
		if (find(dialect).isPresent()) {
			return false;
		}
		return dialect.getClass().getName().startsWith(SPRING_DATA_JPA_AOT_PACKAGE)
				|| Boolean.getBoolean(AOT_PROCESSING);
	}

	/** The vendor Hibernate's dialect stands for, if the library has SQL for it. */
	public static Optional<DatabaseVendor> find(Dialect dialect) {
		if (dialect instanceof PostgreSQLDialect) {
			return Optional.of(POSTGRESQL);
		}
		if (dialect instanceof H2Dialect) {
			return Optional.of(H2);
		}
		return Optional.empty();
	}

	static UnsupportedDatabaseException unsupported(String database, String feature) {
		String supported = String.join(", ", Arrays.stream(values()).map((vendor) -> vendor.displayName).toList());
		return new UnsupportedDatabaseException("ddd-persistence writes vendor SQL for " + supported + " only, and "
				+ feature + " needs it, but the database is '" + database + "'. Use one of the supported databases, "
				+ "or turn off what needs vendor SQL: archive traits (ArchiveState, DeletedFlag, @UniqueAmongActive) "
				+ "and @SpatialColumn on entities, ddd.persistence.outbox.enabled=false, "
				+ "ddd.persistence.event-store.enabled=false, ddd.persistence.tenant.row-level-security=false.");
	}

	/** Start-up failure for a database the library has no SQL for. */
	public static final class UnsupportedDatabaseException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		UnsupportedDatabaseException(String message) {
			super(message);
		}

	}

}
