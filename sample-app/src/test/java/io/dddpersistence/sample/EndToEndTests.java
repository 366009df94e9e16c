package io.dddpersistence.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.dddpersistence.test.FreshDatabase;

/**
 * The sample started as a user starts it, on a random port and a PostgreSQL database of its own,
 * driven over real HTTP. Every end-to-end test class extends this one, so they share one
 * application context (and one database): tests keep apart by using their own tenants, slugs,
 * events and places.
 */
// snippet-start
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@FreshDatabase
// The PostgreSQL configuration, with every feature (the fresh database's URL replaces its URL).
@ActiveProfiles(SampleDatabase.POSTGRES)
abstract class EndToEndTests extends OverHttp {

}
// snippet-end
