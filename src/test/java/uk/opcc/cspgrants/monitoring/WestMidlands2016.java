package uk.opcc.cspgrants.monitoring;

import java.util.List;

/**
 * The West Midlands 2016-17 figures from the Strategic Policing and Crime Board report of
 * 6 December 2016 (Tables 1 and 2): allocations, 2015-16 carry forwards, planned
 * allocation as per the Q2 return, and cumulative spend at Q1 and Q2. Solihull sent no Q2
 * return; its Q1 return planned its whole allocation.
 */
final class WestMidlands2016 {

	record Partnership(String name, String code, long allocation, long carryForward, long planned, long q1Spend,
			Long q2Spend) {
	}

	static final List<Partnership> PARTNERSHIPS = List.of(
			new Partnership("Birmingham CC", "BIR", 1_873_187, 0, 1_630_367, 275_109, 508_449L),
			new Partnership("Coventry CC", "COV", 409_728, 102_504, 492_478, 27_531, 242_941L),
			new Partnership("Dudley MBC", "DUD", 297_273, 22_505, 295_842, 58_291, 158_183L),
			new Partnership("Sandwell MBC", "SAN", 397_643, 85_248, 459_090, 80_914, 209_170L),
			new Partnership("Solihull MBC", "SOL", 214_454, 0, 214_454, 133_454, null),
			new Partnership("Walsall MBC", "WAL", 301_652, 52_279, 315_767, 71_533, 131_435L),
			new Partnership("Wolverhampton CC", "WOL", 369_371, 168_638, 538_010, 47_269, 144_090L));

	private WestMidlands2016() {
	}

}
