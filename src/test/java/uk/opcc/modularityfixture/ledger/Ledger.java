package uk.opcc.modularityfixture.ledger;

public class Ledger {

}
