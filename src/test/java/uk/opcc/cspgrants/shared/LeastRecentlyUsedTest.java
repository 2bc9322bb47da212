package uk.opcc.cspgrants.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LeastRecentlyUsedTest {

	@Test
	void aValueIsMadeOnceAndTheLeastRecentlyUsedGoesFirst() {
		AtomicInteger made = new AtomicInteger();
		LeastRecentlyUsed<String, String> kept = new LeastRecentlyUsed<>(2);
		assertThat(kept.get("a", () -> "A" + made.incrementAndGet())).isEqualTo("A1");
		assertThat(kept.get("b", () -> "B" + made.incrementAndGet())).isEqualTo("B2");
		assertThat(kept.get("a", () -> "A" + made.incrementAndGet())).isEqualTo("A1");
		// "b" is now the least recently used, so "c" pushes it out and "a" stays
		assertThat(kept.get("c", () -> "C" + made.incrementAndGet())).isEqualTo("C3");
		assertThat(kept.get("a", () -> "A" + made.incrementAndGet())).isEqualTo("A1");
		assertThat(kept.get("b", () -> "B" + made.incrementAndGet())).isEqualTo("B4");
		assertThat(made).hasValue(4);
	}

	@Test
	void itKeepsAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LeastRecentlyUsed<String, String>(0))
			.withMessageContaining("at least one");
	}

}
