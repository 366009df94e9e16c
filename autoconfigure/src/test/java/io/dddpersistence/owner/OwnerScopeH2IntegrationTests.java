package io.dddpersistence.owner;

import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The same on H2. */
@FreshDatabase(Database.H2)
class OwnerScopeH2IntegrationTests extends OwnerScopeIntegrationTests {

}
