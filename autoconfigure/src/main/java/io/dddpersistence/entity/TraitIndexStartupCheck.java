package io.dddpersistence.entity;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.dddpersistence.vendor.DatabaseVendors;

/**
 * Checks at start-up, once every singleton exists, that the indexes the traits (and every
 * {@link DeclaredIndexes} bean) declare are in the database; {@code ddd.persistence.entity.index-check}
 * says whether a missing one fails start-up, is logged, or is not looked for.
 */
final class TraitIndexStartupCheck implements SmartInitializingSingleton {

	private final EntityManagerFactory entityManagerFactory;

	private final DataSource dataSource;

	private final ObjectProvider<DeclaredIndexes> more;

	private final DatabaseVendors vendors;

	private final SchemaFindings findings;

	TraitIndexStartupCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			ObjectProvider<DeclaredIndexes> more, DatabaseVendors vendors, SchemaFindings findings) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.more = more;
		this.vendors = vendors;
		this.findings = findings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.findings.wanted()) {
			return;
		}
		List<DeclaredIndex> declared = new ArrayList<>(TraitIndexes.declaredBy(this.entityManagerFactory));
		this.more.orderedStream().forEach((source) -> declared.addAll(source.declaredBy(this.entityManagerFactory)));
		new IndexCheck(this.dataSource, this.vendors, this.findings).verify(declared);
	}

}
