package org.safereg.registration.storage;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Database transactions of the registration core (internal). READ COMMITTED; JdbcClient and JdbcTemplate calls on the same data source
 * participate in the current transaction. Thread-safe.
 */
public final class Transactions {
    private final TransactionTemplate required;
    private final TransactionTemplate requiresNew;
    private final TransactionTemplate readOnly;

    public Transactions(DataSource dataSource) {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        required = new TransactionTemplate(manager);
        requiresNew = new TransactionTemplate(manager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readOnly = new TransactionTemplate(manager);
        readOnly.setReadOnly(true);
    }

    /** Runs {@code work} in the current transaction, or a new one; commits unless it throws. */
    public <T> T inTransaction(Supplier<T> work) {
        return begin(required, work);
    }

    /** Runs {@code work} in a new transaction of its own (suspending any current one). */
    public <T> T inNewTransaction(Supplier<T> work) {
        return begin(requiresNew, work);
    }

    /** Runs {@code work} in a read-only transaction (cursor-based streaming reads need one). */
    public <T> T readOnly(Supplier<T> work) {
        return begin(readOnly, work);
    }

    private static <T> T begin(TransactionTemplate template, Supplier<T> work) {
        try {
            return template.execute(status -> work.get());
        } catch (CannotCreateTransactionException e) {
            throw new DataAccessResourceFailureException("the database is unavailable", e);
        }
    }
}
