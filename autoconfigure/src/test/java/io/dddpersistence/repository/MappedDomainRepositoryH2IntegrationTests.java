package io.dddpersistence.repository;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.repository.sample.EmailAddress;
import io.dddpersistence.repository.sample.Order;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour of {@link MappedDomainRepositoryIntegrationTests}, on H2, where value objects are
 * stored in H2's {@code JSON} type instead of {@code jsonb}.
 */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class MappedDomainRepositoryH2IntegrationTests extends MappedDomainRepositoryIntegrationTests {

	@Test
	@Override
	void addStoresADomainRecordAsItsEntityWithJsonbValueObjectsAndConvertedColumns() {
		Order added = this.orders.add(Order.place("ada", new EmailAddress("ada@example.com"), ADDRESS, LINES));
		assertThat(added.id()).isNotNull();
		assertThat(added.version()).isZero();
		Map<String, Object> row = this.jdbc.queryForMap(
				"select email, status, cast(shipping_address as varchar) as address, cast(lines as varchar) as lines"
						+ " from orders where id = ?",
				added.id());
		assertThat(row).containsEntry("EMAIL", "ada@example.com").containsEntry("STATUS", "PENDING");
		assertThat((String) row.get("ADDRESS")).contains("\"city\":\"Berlin\"");
		assertThat((String) row.get("LINES")).contains("\"sku\":\"kettle\"").contains("\"sku\":\"mug\"");
		assertThat(this.jdbc.queryForList(
				"select data_type from information_schema.columns where table_name = 'ORDERS' and column_name in ('SHIPPING_ADDRESS', 'LINES')",
				String.class))
			.containsOnly("JSON");
	}

}
