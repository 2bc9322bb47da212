package uk.opcc.cspgrants.commissioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A year's funding streams as the decision record sets them out: the streams given to the
 * Commissioner and the force's, their sub-total, then the reserves used, and the total
 * that is the year's commissioning budget; beside each, what is allocated from it and the
 * formula pots drawn on it.
 *
 * @param year the year
 * @param rows the streams, reserves last
 * @param subTotal every stream but the reserves
 * @param total the commissioning budget: every stream
 * @param allocated what is allocated from every stream
 */
public record StreamsPage(FinancialYear year, List<Row> rows, Money subTotal, Money total, Money allocated) {

	/**
	 * One stream.
	 *
	 * @param stream the stream
	 * @param allocation what is allocated from it
	 * @param draws the formula runs whose pots draw on it
	 */
	public record Row(FundingStreamView stream, StreamAllocation allocation, List<RunDraw> draws) {

		public Money unallocated() {
			return this.stream.amount().minus(this.allocation.total());
		}

		public boolean reserve() {
			return this.stream.kind() == StreamKind.RESERVE;
		}

	}

	static StreamsPage of(FinancialYear year, List<FundingStreamView> streams, Map<Long, StreamAllocation> allocations,
			List<RunDraw> draws) {
		List<Row> rows = new ArrayList<>();
		List<Row> reserves = new ArrayList<>();
		Money subTotal = Money.ZERO;
		Money total = Money.ZERO;
		Money allocated = Money.ZERO;
		for (FundingStreamView stream : streams) {
			StreamAllocation allocation = allocations.getOrDefault(stream.id(), StreamAllocation.none(stream.id()));
			Row row = new Row(stream, allocation,
					draws.stream().filter(draw -> draw.streamId() == stream.id()).toList());
			total = total.plus(stream.amount());
			allocated = allocated.plus(allocation.total());
			if (row.reserve()) {
				reserves.add(row);
			}
			else {
				subTotal = subTotal.plus(stream.amount());
				rows.add(row);
			}
		}
		rows.addAll(reserves);
		return new StreamsPage(year, rows, subTotal, total, allocated);
	}

	public boolean hasReserves() {
		return this.rows.stream().anyMatch(Row::reserve);
	}

	/** The first reserve's place, where the sub-total row goes. */
	public int reservesFrom() {
		for (int i = 0; i < this.rows.size(); i++) {
			if (this.rows.get(i).reserve()) {
				return i;
			}
		}
		return this.rows.size();
	}

	public Money unallocated() {
		return this.total.minus(this.allocated);
	}

}
