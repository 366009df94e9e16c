package io.dddpersistence.vendor;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildTimeMappingTests {

	@AfterEach
	void clearAotProcessing() {
		System.clearProperty("spring.aot.processing");
	}

	@Test
	void aDialectOfNoVendorWhileAotProcessingRunsIsABuildTimeMapping() {
		System.setProperty("spring.aot.processing", "true");
		assertThat(DatabaseVendor.isBuildTimeMapping(new UnknownDialect())).isTrue();
	}

	@Test
	void aDialectOfNoVendorAtRunTimeIsNot() {
		assertThat(DatabaseVendor.isBuildTimeMapping(new UnknownDialect())).isFalse();
	}

	@Test
	void theSupportedVendorsAreNeverBuildTimeMappings() {
		System.setProperty("spring.aot.processing", "true");
		assertThat(DatabaseVendor.isBuildTimeMapping(new PostgreSQLDialect())).isFalse();
		assertThat(DatabaseVendor.isBuildTimeMapping(new H2Dialect())).isFalse();
	}

	static class UnknownDialect extends Dialect {

		UnknownDialect() {
			super(DatabaseVersion.make(1));
		}

	}

}
