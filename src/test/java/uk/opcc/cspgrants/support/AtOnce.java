package uk.opcc.cspgrants.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same action from many threads, released together: what each returned, in order. */
public final class AtOnce {

	private AtOnce() {
	}

	public static <T> List<T> run(int count, Callable<T> action) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CyclicBarrier together = new CyclicBarrier(count);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(threads.submit(() -> {
					together.await();
					return action.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
