package io.dddpersistence.docs.alignment;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.dddpersistence.test.FreshDatabase;
import io.dddpersistence.test.SchemaAlignment;

/** An application's test that its Flyway migrations give the entities what their traits need. */
// snippet-start
@SpringBootTest(classes = ShelvesApplication.class, properties = {
		"spring.flyway.locations=classpath:db/shelves/complete", "ddd.persistence.entity.index-check=warn" })
@FreshDatabase
class ShelvesMigrationsIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void theMigrationsGiveTheEntitiesWhatTheirTraitsNeed() {
		SchemaAlignment.assertAligned(this.context);
	}

}
// snippet-end
