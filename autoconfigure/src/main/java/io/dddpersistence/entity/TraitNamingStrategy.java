package io.dddpersistence.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Locale;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;
import org.hibernate.boot.spi.InFlightMetadataCollector;

import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

/**
 * Names the constraints Hibernate generates by the library's convention instead of random hashes:
 * {@code fk_<table>_<cols>} (for a to-one {@code customer}: {@code fk_orders_customer_id}),
 * {@code ix_<table>_<cols>} and {@code uq_<table>_<cols>}, all snake_case; with
 * {@link EntityProperties.ForeignKeyNaming#TARGET}, foreign keys {@code fk_<table>_<referenced table>_id}
 * ({@code fk_orders_customers_id}), and two of one table to the same table fail the mapping, naming
 * both. Explicit names in {@code @ForeignKey}, {@code @Index} or {@code @UniqueConstraint} still win.
 */
public class TraitNamingStrategy extends SpringImplicitNamingStrategy {

	private final EntityProperties.ForeignKeyNaming foreignKeys;

	// per mapping being built: the foreign key names given so far, by table, with their columns
	private final Map<InFlightMetadataCollector, Map<String, List<String>>> given = new WeakHashMap<>();

	/** Foreign keys named after their columns. */
	public TraitNamingStrategy() {
		this(EntityProperties.ForeignKeyNaming.COLUMNS);
	}

	/** Foreign keys named as {@code foreignKeys} says. */
	public TraitNamingStrategy(EntityProperties.ForeignKeyNaming foreignKeys) {
		this.foreignKeys = foreignKeys;
	}

	@Override
	public Identifier determineForeignKeyName(ImplicitForeignKeyNameSource source) {
		Identifier explicit = source.getUserProvidedIdentifier();
		if (explicit != null) {
			return explicit;
		}
		String table = snake(source.getTableName());
		List<String> columns = snake(source.getColumnNames());
		if (this.foreignKeys == EntityProperties.ForeignKeyNaming.COLUMNS) {
			return toIdentifier(ConstraintNames.foreignKey(table, columns), source.getBuildingContext());
		}
		String name = ConstraintNames.foreignKey(table, List.of(snake(source.getReferencedTableName()), "id"));
		requireUnique(source.getBuildingContext().getMetadataCollector(), table, name, columns);
		return toIdentifier(name, source.getBuildingContext());
	}

	private synchronized void requireUnique(InFlightMetadataCollector mapping, String table, String name,
			List<String> columns) {
		Map<String, List<String>> names = this.given.computeIfAbsent(mapping, (key) -> new HashMap<>());
		List<String> first = names.putIfAbsent(table + "." + name, columns);
		if (first != null && !first.equals(columns)) {
			throw new IllegalStateException("Table " + table + " has two foreign keys to the same table, on " + first
					+ " and on " + columns + ", and " + EntityProperties.PREFIX
					+ ".foreign-key-naming=target names both " + name + ": give one of them an explicit name "
					+ "(@JoinColumn(foreignKey = @ForeignKey(name = \"...\"))), or name foreign keys after their "
					+ "columns (foreign-key-naming=columns).");
		}
	}

	@Override
	public Identifier determineIndexName(ImplicitIndexNameSource source) {
		Identifier explicit = source.getUserProvidedIdentifier();
		if (explicit != null) {
			return explicit;
		}
		return toIdentifier(ConstraintNames.index(snake(source.getTableName()), snake(source.getColumnNames())),
				source.getBuildingContext());
	}

	@Override
	public Identifier determineUniqueKeyName(ImplicitUniqueKeyNameSource source) {
		Identifier explicit = source.getUserProvidedIdentifier();
		if (explicit != null) {
			return explicit;
		}
		return toIdentifier(ConstraintNames.unique(snake(source.getTableName()), snake(source.getColumnNames())),
				source.getBuildingContext());
	}

	private static List<String> snake(List<Identifier> identifiers) {
		return identifiers.stream().map(TraitNamingStrategy::snake).toList();
	}

	static String snake(Identifier identifier) {
		String text = identifier.getText();
		StringBuilder snake = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(text.charAt(i - 1))) {
				snake.append('_');
			}
			snake.append((c == '.') ? '_' : c);
		}
		return snake.toString().toLowerCase(Locale.ROOT);
	}

}
