package io.dddpersistence.eventstore;

import java.util.List;
import java.util.function.Function;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreSqlTests {

	static final EventStoreSql POSTGRES = EventStoreSql.of(DatabaseVendor.POSTGRESQL, LibraryTables.DEFAULT);

	static final EventStoreSql H2 = EventStoreSql.of(DatabaseVendor.H2, LibraryTables.DEFAULT);

	@Test
	void everyStatementTakesAsManyParametersOnBothDatabases() {
		List<Function<EventStoreSql, String>> statements = List.of(EventStoreSql::insertNew,
				(sql) -> sql.insertRows(3, true), (sql) -> sql.insertRows(2, false), EventStoreSql::readStream, EventStoreSql::readAfter,
				EventStoreSql::loadSnapshot, EventStoreSql::saveSnapshot, EventStoreSql::ensureSubscription,
				EventStoreSql::lease, EventStoreSql::advance, EventStoreSql::rewind, EventStoreSql::park,
				EventStoreSql::checkpoint, (sql) -> sql.eventsAfter(10), EventStoreSql::secondsBehind);
		for (Function<EventStoreSql, String> statement : statements) {
			String postgres = statement.apply(POSTGRES);
			String h2 = statement.apply(H2);
			assertThat(parameters(h2)).as("%s%nagainst%n%s", h2, postgres).isEqualTo(parameters(postgres));
		}
	}

	@Test
	void onlyH2ReadsByPositionAlone() {
		assertThat(POSTGRES.readAfter()).contains("pg_snapshot_xmin").contains("ORDER BY tx_id, position");
		assertThat(H2.readAfter()).doesNotContain("pg_snapshot_xmin").contains("WHERE CAST(? AS BIGINT) = 0 AND position > ?")
			.contains("ORDER BY position");
	}

	private static long parameters(String sql) {
		return sql.chars().filter((c) -> c == '?').count();
	}

}
