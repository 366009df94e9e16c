package io.dddpersistence.entity;

import java.util.Locale;
import java.util.Map;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Gives the trait columns the names an existing schema has, for every entity at once
 * ({@code ddd.persistence.entity.columns.*}): wraps the application's physical naming strategy and
 * renames a column whose physical name is a trait column's default ({@code archived_at},
 * {@code created_by}, ...). An entity's own {@code @AttributeOverride} to another name is left as it
 * is. The indexes and checks that follow read the names as mapped, so they follow too.
 */
final class TraitColumnNaming implements PhysicalNamingStrategy {

	private final PhysicalNamingStrategy delegate;

	// default name (lower case) -> the schema's name
	private final Map<String, String> renames;

	TraitColumnNaming(PhysicalNamingStrategy delegate, Map<String, String> renames) {
		this.delegate = delegate;
		this.renames = Map.copyOf(renames);
	}

	@Override
	public Identifier toPhysicalColumnName(Identifier logicalName, JdbcEnvironment environment) {
		Identifier physical = this.delegate.toPhysicalColumnName(logicalName, environment);
		if (physical == null) {
			return logicalName;
		}
		String renamed = this.renames.get(physical.getText().toLowerCase(Locale.ROOT));
		return (renamed != null) ? Identifier.toIdentifier(renamed, physical.isQuoted()) : physical;
	}

	@Override
	public Identifier toPhysicalCatalogName(Identifier logicalName, JdbcEnvironment environment) {
		return this.delegate.toPhysicalCatalogName(logicalName, environment);
	}

	@Override
	public Identifier toPhysicalSchemaName(Identifier logicalName, JdbcEnvironment environment) {
		return this.delegate.toPhysicalSchemaName(logicalName, environment);
	}

	@Override
	public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment environment) {
		return this.delegate.toPhysicalTableName(logicalName, environment);
	}

	@Override
	public Identifier toPhysicalSequenceName(Identifier logicalName, JdbcEnvironment environment) {
		return this.delegate.toPhysicalSequenceName(logicalName, environment);
	}

	@Override
	public Identifier toPhysicalTypeName(Identifier logicalName, JdbcEnvironment environment) {
		return this.delegate.toPhysicalTypeName(logicalName, environment);
	}

}
