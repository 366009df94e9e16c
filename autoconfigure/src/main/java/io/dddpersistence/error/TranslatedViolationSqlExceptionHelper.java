package io.dddpersistence.error;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

import org.hibernate.JDBCException;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.exception.spi.SQLExceptionConverter;

/**
 * Hibernate's {@link SqlExceptionHelper}, except that a violation the library translates is logged
 * at debug by {@link TranslatedViolations} rather than as two to four warnings with the driver's
 * message. Every other failure, and every SQL warning, goes to Hibernate's own helper unchanged,
 * so its settings ({@code hibernate.jdbc.log.errors}, {@code hibernate.jdbc.log.warnings}) keep
 * applying.
 */
class TranslatedViolationSqlExceptionHelper extends SqlExceptionHelper {

	private final SqlExceptionHelper hibernate;

	TranslatedViolationSqlExceptionHelper(SqlExceptionHelper hibernate) {
		super(hibernate.getSqlExceptionConverter(), false, false);
		this.hibernate = hibernate;
	}

	@Override
	public JDBCException convert(SQLException sqlException, String message, String sql) {
		ConstraintMessages.Violation violation = TranslatedViolations.recognise(sqlException);
		if (violation == null) {
			return this.hibernate.convert(sqlException, message, sql);
		}
		TranslatedViolations.logAtDebug(violation, sqlException, sql);
		// the message Hibernate's helper would give the converted exception
		return getSqlExceptionConverter().convert(sqlException, message + " [" + sqlException.getMessage() + "]", sql);
	}

	@Override
	public void logExceptions(SQLException sqlException, String message) {
		ConstraintMessages.Violation violation = TranslatedViolations.recognise(sqlException);
		if (violation == null) {
			this.hibernate.logExceptions(sqlException, message);
		}
		else {
			TranslatedViolations.logAtDebug(violation, sqlException, message);
		}
	}

	@Override
	public SQLExceptionConverter getSqlExceptionConverter() {
		return this.hibernate.getSqlExceptionConverter();
	}

	@Override
	public void setSqlExceptionConverter(SQLExceptionConverter sqlExceptionConverter) {
		this.hibernate.setSqlExceptionConverter(sqlExceptionConverter);
	}

	@Override
	public void walkWarnings(SQLWarning warning, WarningHandler handler) {
		this.hibernate.walkWarnings(warning, handler);
	}

	@Override
	public void handleAndClearWarnings(Connection connection, WarningHandler handler) {
		this.hibernate.handleAndClearWarnings(connection, handler);
	}

	@Override
	public void handleAndClearWarnings(Statement statement, WarningHandler handler) {
		this.hibernate.handleAndClearWarnings(statement, handler);
	}

}
