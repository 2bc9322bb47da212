package uk.opcc.cspgrants.commissioning;

import java.time.Instant;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A formula run whose pot is paid from a funding stream.
 *
 * @param runId the run
 * @param streamId the stream its pot draws on
 * @param year the run's financial year
 * @param purpose what the run's money is for, in words ("Annual allocation")
 * @param status the run's status (only an approved run's pot counts against the stream; a
 * superseded one is shown, not counted)
 * @param pot the run's pot
 * @param linkedBy who linked it
 * @param linkedAt when
 */
public record RunDraw(long runId, long streamId, FinancialYear year, String purpose, String status, Money pot,
		String linkedBy, Instant linkedAt) {

	public boolean counted() {
		return "APPROVED".equals(this.status);
	}

}
