package uk.opcc.modularityfixture.billing;

import uk.opcc.modularityfixture.ledger.internal.LedgerEntry;

public class Billing {

	long total(LedgerEntry entry) {
		return entry.pence();
	}

}
