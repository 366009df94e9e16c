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

	private final EntityProperties.IndexCheck mode;

	private final ObjectProvider<DeclaredIndexes> more;

	private final DatabaseVendors vendors;

	private final AlignmentScript script;

	TraitIndexStartupCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			EntityProperties.IndexCheck mode, ObjectProvider<DeclaredIndexes> more, DatabaseVendors vendors,
			AlignmentScript script) {
		this.script = script;
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.mode = mode;
		this.more = more;
		this.vendors = vendors;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.mode == EntityProperties.IndexCheck.OFF && !this.script.isCollecting()) {
			return;
		}
		List<DeclaredIndex> declared = new ArrayList<>(TraitIndexes.declaredBy(this.entityManagerFactory));
		this.more.orderedStream().forEach((source) -> declared.addAll(source.declaredBy(this.entityManagerFactory)));
		new IndexCheck(this.dataSource, this.mode == EntityProperties.IndexCheck.FAIL, this.vendors, this.script)
			.verify(declared);
	}

}
