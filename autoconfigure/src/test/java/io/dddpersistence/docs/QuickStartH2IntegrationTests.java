package io.dddpersistence.docs;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The README's quick start on H2 (with H2GIS), the embedded database. */
@FreshDatabase(Database.H2)
class QuickStartH2IntegrationTests extends QuickStartIntegrationTests {

}
