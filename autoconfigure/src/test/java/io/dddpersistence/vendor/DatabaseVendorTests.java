package io.dddpersistence.vendor;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseVendorTests {

	@Test
	void theVendorComesFromTheProductNameOrTheDialect() {
		assertThat(DatabaseVendor.ofProduct("PostgreSQL")).contains(DatabaseVendor.POSTGRESQL);
		assertThat(DatabaseVendor.ofProduct("H2")).contains(DatabaseVendor.H2);
		assertThat(DatabaseVendor.ofProduct("MySQL")).isEmpty();
		assertThat(DatabaseVendor.of(new PostgreSQLDialect(), "x")).isEqualTo(DatabaseVendor.POSTGRESQL);
		assertThat(DatabaseVendor.of(new H2Dialect(), "x")).isEqualTo(DatabaseVendor.H2);
		assertThat(DatabaseVendor.H2.folder()).isEqualTo("h2");
	}

	@Test
	void anotherDatabaseFailsListingTheSupportedOnesAndTheSwitches() {
		assertThatThrownBy(() -> DatabaseVendor.of(new MySQLDialect(), "the outbox tables"))
			.isInstanceOf(DatabaseVendor.UnsupportedDatabaseException.class)
			.hasMessageContaining("PostgreSQL, H2")
			.hasMessageContaining("the outbox tables")
			.hasMessageContaining("'MySQLDialect'")
			.hasMessageContaining("ddd.persistence.outbox.enabled=false")
			.hasMessageContaining("ddd.persistence.event-store.enabled=false")
			.hasMessageContaining("ddd.persistence.tenant.row-level-security=false");
		assertThat(DatabaseVendor.find(new MySQLDialect())).isEmpty();
	}

}
