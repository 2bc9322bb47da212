package uk.opcc.modularityfixture.ledger.internal;

public class LedgerEntry {

	public long pence() {
		return 0;
	}

}
