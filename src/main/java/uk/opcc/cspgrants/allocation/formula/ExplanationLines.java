package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A partnership's explanation lines, worked out when read rather than for every
 * partnership of every run: a run over tens of thousands of areas, or thousands of
 * scenarios, need not pay for explanations nobody reads. Immutable; equal to any list of
 * the same lines.
 */
final class ExplanationLines extends AbstractList<IndicatorLine> implements RandomAccess {

	private final List<IndicatorColumn> columns;

	private final int area;

	private final BigDecimal potPounds;

	ExplanationLines(List<IndicatorColumn> columns, int area, BigDecimal potPounds) {
		this.columns = columns;
		this.area = area;
		this.potPounds = potPounds;
	}

	@Override
	public IndicatorLine get(int index) {
		return this.columns.get(index).line(this.area, this.potPounds);
	}

	@Override
	public int size() {
		return this.columns.size();
	}

}
