package io.dddpersistence.patch;

import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The same on H2. */
@FreshDatabase(Database.H2)
class MergePatchH2IntegrationTests extends MergePatchIntegrationTests {

}
