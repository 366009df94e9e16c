package io.dddpersistence.entity;

import java.util.List;
import java.util.Locale;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;

import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

/**
 * Names the constraints Hibernate generates by the library's convention instead of random hashes:
 * {@code fk_<table>_<cols>} (for a to-one {@code customer}: {@code fk_orders_customer_id}),
 * {@code ix_<table>_<cols>} and {@code uq_<table>_<cols>}, all snake_case. Explicit names in
 * {@code @ForeignKey}, {@code @Index} or {@code @UniqueConstraint} still win.
 */
public class TraitNamingStrategy extends SpringImplicitNamingStrategy {

	@Override
	public Identifier determineForeignKeyName(ImplicitForeignKeyNameSource source) {
		Identifier explicit = source.getUserProvidedIdentifier();
		if (explicit != null) {
			return explicit;
		}
		return toIdentifier(ConstraintNames.foreignKey(snake(source.getTableName()), snake(source.getColumnNames())),
				source.getBuildingContext());
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
