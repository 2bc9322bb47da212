package uk.opcc.cspgrants.grants;

/**
 * Where a grant's carry forward comes from. Only a carried overspend may be negative
 * money, and only when finance chose to carry it when closing the year.
 */
public enum CarryForward {

	/** Nothing carried forward. */
	NONE,
	/** Entered by hand, for a year before this service. */
	ENTERED,
	/** Last year's underspend, frozen when finance closed the year. */
	UNDERSPEND,
	/** Last year's overspend, carried as negative money because finance chose to. */
	OVERSPEND

}
