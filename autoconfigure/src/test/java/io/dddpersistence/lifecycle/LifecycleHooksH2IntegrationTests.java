package io.dddpersistence.lifecycle;

import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The same on H2. */
@FreshDatabase(Database.H2)
class LifecycleHooksH2IntegrationTests extends LifecycleHooksIntegrationTests {

}
