package dev.athanor.model.engine;

/** Work run inside a transaction by {@link Engine#inTransaction}. */
@FunctionalInterface
public interface TransactionWork<T> {
    /** Runs on the calling thread; throwing rolls the transaction back. Never commit or close the transaction. */
    T run(Transaction transaction) throws Exception;
}
