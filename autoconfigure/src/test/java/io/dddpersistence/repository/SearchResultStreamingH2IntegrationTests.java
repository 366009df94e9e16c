package io.dddpersistence.repository;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/**
 * Streaming on H2: the same behaviour as on PostgreSQL. The heap bound holds although the embedded
 * engine shares the JVM: H2 keeps large results on disk beyond its own row limit.
 */
@FreshDatabase(Database.H2)
class SearchResultStreamingH2IntegrationTests extends SearchResultStreamingIntegrationTests {

	@Override
	void fill(String category, int count) {
		this.jdbc.update("insert into product (id, version, name, category, price) select random_uuid(), 0,"
				+ " 'product ' || x, ?, x from system_range(1, ?)", category, count);
	}

}
