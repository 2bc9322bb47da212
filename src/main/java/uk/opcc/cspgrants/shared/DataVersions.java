package uk.opcc.cspgrants.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The versions of data that pages keep rendered (a year's grants, its returns, the
 * partnerships: see {@code RenderedFragments}), each read from the database at most once
 * per {@code csp-grants.data-versions.max-age} on this node, and read afresh after any
 * change this node's services commit. So a change shows on the next page of whoever made
 * it, and on another node of a cluster (or after a change made by hand in SQL) within the
 * max age; a busy page costs no database query for its version in between.
 * <p>
 * A version read while a change was being committed is not kept: the next request reads
 * it again. Inside a transaction that may have written, versions are always read afresh.
 */
@Component
public class DataVersions implements TransactionExecutionListener {

	private static final String APPLICATION_PACKAGE = "uk.opcc.cspgrants.";

	private final long maxAgeNanos;

	private final Map<String, Read> reads = new ConcurrentHashMap<>();

	/** How many of this node's writing transactions have committed. */
	private final AtomicLong commits = new AtomicLong();

	private final LongSupplier nanoTime;

	@Autowired
	DataVersions(@Value("${csp-grants.data-versions.max-age:1s}") Duration maxAge) {
		this(maxAge, System::nanoTime);
	}

	DataVersions(Duration maxAge, LongSupplier nanoTime) {
		this.maxAgeNanos = maxAge.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * The version called {@code name}: as read by {@code read} less than the max age ago
	 * with no change committed here since, or read now.
	 */
	public String of(String name, Supplier<String> read) {
		return kept(name, read);
	}

	/**
	 * A small answer a busy page asks for on every request (which runs wait for their
	 * grants, the years a picker offers), kept by the same rules as a version: as read by
	 * {@code read} less than the max age ago with no change committed here since, or read
	 * now. The answer must not be changed by whoever gets it, and each name must always
	 * be read as one type.
	 */
	public <T> T kept(String name, Supplier<T> read) {
		return keptIn(() -> this.reads.get(name), (fresh) -> this.reads.put(name, fresh), read);
	}

	/**
	 * Answers kept by the rules of {@link #kept(String, Supplier)} for something a
	 * request brings with it (an API token), of which there could be any number: at most
	 * {@code maxEntries} are kept, the least recently used forgotten first, and an answer
	 * of {@code null} (nothing found) is never kept, so what is not there costs a query
	 * each time and never pushes out what is.
	 */
	public <K, V> Keeper<K, V> keeper(int maxEntries) {
		return new Keeper<>(maxEntries);
	}

	/**
	 * The rules of every kept read: afresh inside a writing transaction; else what
	 * {@code find} gives if it was read less than the max age ago with no change
	 * committed here since; else read now and given to {@code keep}, stamped with the
	 * changes committed before it was read, so that one committed while reading is read
	 * again.
	 */
	@SuppressWarnings("unchecked")
	private <T> T keptIn(Supplier<Read> find, Consumer<Read> keep, Supplier<T> read) {
		if (insideWritingTransaction()) {
			return read.get();
		}
		long commitsBefore = this.commits.get();
		long now = this.nanoTime.getAsLong();
		Read kept = find.get();
		if (kept != null && kept.commits() == commitsBefore && now - kept.at() < this.maxAgeNanos) {
			return (T) kept.value();
		}
		T value = read.get();
		keep.accept(new Read(value, now, commitsBefore));
		return value;
	}

	/**
	 * A transaction template for one of the application's services that writes through it
	 * rather than through {@code @Transactional}: named
	 * {@code <owner's class>.<purpose>}, as Spring names the services' transactions, so
	 * that what it commits counts as a change here. Unnamed transactions are Spring
	 * Session's and are not counted.
	 */
	public static TransactionTemplate transactionOf(PlatformTransactionManager transactions, Class<?> owner,
			String purpose) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setName(owner.getName() + "." + purpose);
		return template;
	}

	/**
	 * How many of this node's writing transactions have committed since it started: what
	 * makes every kept read be read again. Reading a page must never move it.
	 */
	public long changesCommitted() {
		return this.commits.get();
	}

	/**
	 * Whether this thread is inside a transaction that may have written: what it reads
	 * may never be committed, or may differ from what others see until it is, so it is
	 * read afresh and not kept.
	 */
	public static boolean insideWritingTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/**
	 * Counts a committed transaction of one of this application's services that could
	 * write. Sessions stored in the database (Spring Session's own transactions, on every
	 * request) are not changes of data a page shows.
	 */
	@Override
	public void afterCommit(TransactionExecution transaction, Throwable failure) {
		String name = transaction.getTransactionName();
		if (failure == null && !transaction.isReadOnly() && name != null && name.startsWith(APPLICATION_PACKAGE)) {
			this.commits.incrementAndGet();
		}
	}

	private record Read(Object value, long at, long commits) {
	}

	/** See {@link DataVersions#keeper(int)}. */
	public final class Keeper<K, V> {

		private final LeastRecentlyUsed<K, Read> reads;

		private Keeper(int maxEntries) {
			this.reads = new LeastRecentlyUsed<>(maxEntries);
		}

		/**
		 * The answer for {@code key}: as read by {@code read} less than the max age ago
		 * with no change committed here since, or read now.
		 */
		public V get(K key, Supplier<V> read) {
			return keptIn(() -> this.reads.find(key), (fresh) -> {
				if (fresh.value() != null) {
					this.reads.put(key, fresh);
				}
			}, read);
		}

	}

}
