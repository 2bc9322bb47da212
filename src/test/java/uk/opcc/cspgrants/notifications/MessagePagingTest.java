package uk.opcc.cspgrants.notifications;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page numbers GOV.UK pagination shows: the first, the last, the current page and its
 * neighbours, with an ellipsis for each gap.
 */
class MessagePagingTest {

	@Test
	void aFewPagesAreAllShown() {
		MessagePaging paging = new MessagePaging(2, 25, 60);
		assertThat(paging.pages()).isEqualTo(3);
		assertThat(paging.items()).containsExactly(1, 2, 3);
		assertThat(paging.hasPrevious()).isTrue();
		assertThat(paging.hasNext()).isTrue();
	}

	@Test
	void manyPagesShowTheEndsAndTheNeighboursOfTheCurrentOne() {
		assertThat(new MessagePaging(6, 25, 250).items())
			.containsExactlyElementsOf(Arrays.asList(1, null, 5, 6, 7, null, 10));
		assertThat(new MessagePaging(1, 25, 250).items()).containsExactlyElementsOf(Arrays.asList(1, 2, null, 10));
		assertThat(new MessagePaging(10, 25, 250).items()).containsExactlyElementsOf(Arrays.asList(1, null, 9, 10));
	}

	@Test
	void nothingToShowIsOnePageAndAPageAskedForBeyondTheEndIsTheLast() {
		assertThat(new MessagePaging(1, 25, 0).pages()).isEqualTo(1);
		assertThat(new MessagePaging(1, 25, 0).hasNext()).isFalse();
		assertThat(MessagePaging.clamp(9, 25, 26)).isEqualTo(2);
		assertThat(MessagePaging.clamp(-3, 25, 26)).isEqualTo(1);
	}

}
