package uk.opcc.cspgrants.notifications;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one page of a long list sits among the others, as the GOV.UK pagination component
 * draws it: the first and last page, the current one and its neighbours, and an ellipsis
 * ({@code null}) for each gap.
 *
 * @param page the page shown, from 1
 * @param size rows a page
 * @param total rows in all
 */
public record MessagePaging(int page, int size, long total) {

	/** Pages in all; at least one, even when there is nothing to show. */
	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pages();
	}

	/** Rows to skip before this page. */
	long offset() {
		return (long) (this.page - 1) * this.size;
	}

	/** The page numbers to link to, with {@code null} for "…". */
	public List<Integer> items() {
		List<Integer> items = new ArrayList<>();
		int last = pages();
		for (int n = 1; n <= last; n++) {
			if (n == 1 || n == last || Math.abs(n - this.page) <= 1) {
				items.add(n);
			}
			else if (!items.isEmpty() && items.get(items.size() - 1) != null) {
				items.add(null);
			}
		}
		return items;
	}

	/** The page asked for, kept between the first and the last. */
	static int clamp(int asked, int size, long total) {
		int last = (int) Math.max(1, (total + size - 1) / size);
		return Math.min(Math.max(asked, 1), last);
	}

}
