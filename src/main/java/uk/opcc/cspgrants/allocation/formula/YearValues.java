package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * One indicator's values by financial year, immutable and compact: the years in order in
 * an {@code int} array, so that a run over tens of thousands of partnerships looks values
 * up without hashing. A {@code null} value is left out (it is missing data).
 */
final class YearValues extends AbstractMap<FinancialYear, BigDecimal> {

	private final int[] startYears;

	private final BigDecimal[] values;

	private YearValues(int[] startYears, BigDecimal[] values) {
		this.startYears = startYears;
		this.values = values;
	}

	static YearValues copyOf(Map<FinancialYear, BigDecimal> byYear) {
		if (byYear instanceof YearValues already) {
			return already;
		}
		FinancialYear[] years = byYear.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != null && entry.getValue() != null)
			.map(Map.Entry::getKey)
			.sorted()
			.toArray(FinancialYear[]::new);
		int[] startYears = new int[years.length];
		BigDecimal[] values = new BigDecimal[years.length];
		for (int i = 0; i < years.length; i++) {
			startYears[i] = years[i].startYear();
			values[i] = byYear.get(years[i]);
		}
		return new YearValues(startYears, values);
	}

	@Override
	public BigDecimal get(Object key) {
		if (key instanceof FinancialYear year) {
			int at = Arrays.binarySearch(this.startYears, year.startYear());
			return (at >= 0) ? this.values[at] : null;
		}
		return null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	@Override
	public int size() {
		return this.startYears.length;
	}

	@Override
	public Set<Entry<FinancialYear, BigDecimal>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<FinancialYear, BigDecimal>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < YearValues.this.startYears.length;
					}

					@Override
					public Entry<FinancialYear, BigDecimal> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int at = this.next++;
						return new SimpleImmutableEntry<>(new FinancialYear(YearValues.this.startYears[at]),
								YearValues.this.values[at]);
					}

				};
			}

			@Override
			public int size() {
				return YearValues.this.startYears.length;
			}

		};
	}

}
