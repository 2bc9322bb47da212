package uk.opcc.cspgrants.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded, thread-safe map for things kept in memory because they are costly to make
 * and never change under their key (or are checked for freshness by whoever keeps them,
 * as {@code DataVersions.Keeper}): when it holds {@code maxEntries}, the least recently
 * used goes first. A value is made outside the lock, so two requests may both make it on
 * a miss; the second one's is kept.
 */
public final class LeastRecentlyUsed<K, V> {

	private final Map<K, V> entries;

	public LeastRecentlyUsed(int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("Keep at least one entry, not " + maxEntries);
		}
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > maxEntries;
			}

		};
	}

	/** The value kept for {@code key}, or the one {@code make} makes now, then kept. */
	public V get(K key, Supplier<V> make) {
		synchronized (this.entries) {
			V kept = this.entries.get(key);
			if (kept != null) {
				return kept;
			}
		}
		V made = make.get();
		synchronized (this.entries) {
			this.entries.put(key, made);
		}
		return made;
	}

	/** The entry for {@code key}, if one is kept (counted as a use). */
	public V find(K key) {
		synchronized (this.entries) {
			return this.entries.get(key);
		}
	}

	/** Keeps {@code value} for {@code key}, in place of any kept before. */
	public void put(K key, V value) {
		synchronized (this.entries) {
			this.entries.put(key, value);
		}
	}

}
