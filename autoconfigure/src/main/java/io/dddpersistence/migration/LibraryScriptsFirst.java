package io.dddpersistence.migration;

import io.dddpersistence.vendor.DatabaseVendors;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A callback on the application's Flyway that applies one capability's scripts before the
 * application's migrations start, with a Flyway that follows the application's configuration.
 */
final class LibraryScriptsFirst implements Callback {

	private final String capability;

	private final DatabaseVendors vendors;

	private final LibraryTables tables;

	LibraryScriptsFirst(String capability, DatabaseVendors vendors, LibraryTables tables) {
		this.capability = capability;
		this.vendors = vendors;
		this.tables = tables;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return false;
	}

	@Override
	public void handle(Event event, Context context) {
		LibrarySchema.following(context.getConfiguration(), this.capability, this.vendors, this.tables).migrate();
	}

	@Override
	public String getCallbackName() {
		return "ddd-persistence " + this.capability + " scripts first";
	}

}
