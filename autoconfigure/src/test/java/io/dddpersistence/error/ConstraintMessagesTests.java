package io.dddpersistence.error;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** H2's violation messages, taken from a real in-memory H2, read into constraint, table and columns. */
class ConstraintMessagesTests {

	private final TestDatabase database = TestDatabases.createH2();

	@BeforeEach
	void tables() throws SQLException {
		execute("create table shop (id int primary key, email varchar(20), constraint uk_shop_email unique (email))",
				"create table item (id int primary key, shop_id int, constraint fk_item_shop_id foreign key (shop_id) references shop (id))",
				"insert into shop values (1, 'a')");
	}

	@Test
	void aUniqueConstraintIsNamedByTheConstraintNotItsIndex() {
		ConstraintMessages.Violation violation = violation("insert into shop values (2, 'a')");
		assertThat(violation.unique()).isTrue();
		assertThat(violation.constraint()).isEqualTo("uk_shop_email");
		assertThat(violation.table()).isEqualTo("shop");
		assertThat(violation.columns()).containsExactly("email");
	}

	@Test
	void aPrimaryKeyViolationNamesTheTableAndTheKeyColumn() {
		ConstraintMessages.Violation violation = violation("insert into shop values (1, 'b')");
		assertThat(violation.unique()).isTrue();
		assertThat(violation.table()).isEqualTo("shop");
		assertThat(violation.columns()).containsExactly("id");
	}

	@Test
	void aMissingParentAndAnExistingChildAreBothForeignKeyViolations() throws SQLException {
		ConstraintMessages.Violation missingParent = violation("insert into item values (1, 9)");
		assertThat(missingParent.unique()).isFalse();
		assertThat(missingParent.constraint()).isEqualTo("fk_item_shop_id");
		assertThat(missingParent.table()).isEqualTo("item");
		assertThat(missingParent.referencedTable()).isEqualTo("shop");
		execute("insert into item values (2, 1)");
		assertThat(violation("delete from shop").constraint()).isEqualTo("fk_item_shop_id");
	}

	private ConstraintMessages.Violation violation(String sql) {
		SQLException ex = catchThrowableOfType(SQLException.class, () -> execute(sql));
		assertThat(ConstraintMessages.of(ex)).isInstanceOf(ConstraintMessages.H2.class);
		ConstraintMessages.Violation violation = ConstraintMessages.of(ex).read(ex, null);
		assertThat(violation).as("violation read from: " + ex.getMessage()).isNotNull();
		return violation;
	}

	private void execute(String... statements) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
