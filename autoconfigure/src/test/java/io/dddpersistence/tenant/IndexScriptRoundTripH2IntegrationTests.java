package io.dddpersistence.tenant;

import java.util.List;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * The round trip of {@link IndexScriptRoundTripIntegrationTests} on H2, which has no partial
 * indexes: the archive's are plain, unique-among-active is a unique index over the group and the
 * generated {@code ddd_active} column (added first), and the spatial index is H2's R-tree.
 */
class IndexScriptRoundTripH2IntegrationTests extends IndexScriptRoundTripIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

	@Override
	List<String> expectedStatements() {
		return List.of("create index ix_depots_updated_at on depots (updated_at);",
				"create index ix_depots_archived_at on depots (archived_at);",
				"create index ix_depots_archivable_active on depots (archived_at);",
				"create index ix_depots_archivable_archived on depots (archived_at);",
				uniqueAmongActiveStatement(),
				"create spatial index ix_depots_location on depots (location);",
				"create index ix_depots_tenant_id_archived_at on depots (tenant_id, archived_at);");
	}

	// the marker column goes too, so that the script has to add it back before its index
	@Override
	String dropTheTraitIndexes() {
		return super.dropTheTraitIndexes() + "alter table depots drop column ddd_active;\n";
	}

	@Override
	String uniqueAmongActiveStatement() {
		return """
				alter table depots add column if not exists ddd_active boolean generated always as (case when archived_at is null then true end);
				create unique index uq_depots_archivable_code_tenant_id on depots (code, tenant_id, ddd_active);""";
	}

}
