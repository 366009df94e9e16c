package io.dddpersistence.error;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.hibernate.engine.jdbc.batch.spi.Batch;
import org.hibernate.engine.jdbc.batch.spi.BatchKey;
import org.hibernate.engine.jdbc.batch.internal.BatchBuilderImpl;
import org.hibernate.engine.jdbc.batch.internal.BatchImpl;
import org.hibernate.engine.jdbc.mutation.group.PreparedStatementGroup;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;

/**
 * Hibernate's batch builder, building batches that stay quiet when a violation or a stale version
 * the library translates aborts them. Hibernate releases an aborted batch while its statements are
 * still open and says so at info ({@code HHH100503}); closing them first leaves nothing to report.
 */
final class TranslatedViolationBatchBuilder extends BatchBuilderImpl {

	TranslatedViolationBatchBuilder(int jdbcBatchSize) {
		super(jdbcBatchSize);
	}

	@Override
	public Batch buildBatch(BatchKey key, @Nullable Integer explicitBatchSize,
			Supplier<PreparedStatementGroup> statementGroupSupplier, JdbcCoordinator jdbcCoordinator) {
		int batchSize = (explicitBatchSize != null) ? explicitBatchSize : getJdbcBatchSize();
		return new TranslatedViolationBatch(key, statementGroupSupplier.get(), batchSize, jdbcCoordinator);
	}

	static final class TranslatedViolationBatch extends BatchImpl {

		TranslatedViolationBatch(BatchKey key, PreparedStatementGroup statementGroup, int batchSize,
				JdbcCoordinator jdbcCoordinator) {
			super(key, statementGroup, batchSize, jdbcCoordinator);
		}

		@Override
		protected void abortBatch(Exception cause) {
			if (TranslatedViolations.translatesBatchAbort(cause)) {
				releaseStatements();
			}
			super.abortBatch(cause);
		}

	}

}
