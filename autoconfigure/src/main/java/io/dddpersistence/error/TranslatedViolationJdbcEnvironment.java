package io.dddpersistence.error;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.env.spi.ExtractedDatabaseMetaData;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.engine.jdbc.env.spi.LobCreatorBuilder;
import org.hibernate.engine.jdbc.env.spi.NameQualifierSupport;
import org.hibernate.engine.jdbc.env.spi.QualifiedObjectNameFormatter;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;

/**
 * Hibernate's JDBC environment with the library's {@link TranslatedViolationSqlExceptionHelper}:
 * the environment is where every session, statement and batch gets its exception helper from.
 */
final class TranslatedViolationJdbcEnvironment implements JdbcEnvironment {

	private final JdbcEnvironment hibernate;

	private final SqlExceptionHelper sqlExceptionHelper;

	TranslatedViolationJdbcEnvironment(JdbcEnvironment hibernate) {
		this.hibernate = hibernate;
		this.sqlExceptionHelper = new TranslatedViolationSqlExceptionHelper(hibernate.getSqlExceptionHelper());
	}

	@Override
	public SqlExceptionHelper getSqlExceptionHelper() {
		return this.sqlExceptionHelper;
	}

	@Override
	public Dialect getDialect() {
		return this.hibernate.getDialect();
	}

	@Override
	public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
		return this.hibernate.getSqlAstTranslatorFactory();
	}

	@Override
	public ExtractedDatabaseMetaData getExtractedDatabaseMetaData() {
		return this.hibernate.getExtractedDatabaseMetaData();
	}

	@Override
	public Identifier getCurrentCatalog() {
		return this.hibernate.getCurrentCatalog();
	}

	@Override
	public Identifier getCurrentSchema() {
		return this.hibernate.getCurrentSchema();
	}

	@Override
	public QualifiedObjectNameFormatter getQualifiedObjectNameFormatter() {
		return this.hibernate.getQualifiedObjectNameFormatter();
	}

	@Override
	public IdentifierHelper getIdentifierHelper() {
		return this.hibernate.getIdentifierHelper();
	}

	@Override
	public NameQualifierSupport getNameQualifierSupport() {
		return this.hibernate.getNameQualifierSupport();
	}

	@Override
	public LobCreatorBuilder getLobCreatorBuilder() {
		return this.hibernate.getLobCreatorBuilder();
	}

}
