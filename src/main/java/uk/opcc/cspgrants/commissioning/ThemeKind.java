package uk.opcc.cspgrants.commissioning;

/**
 * A plan theme is one of the plan's priorities, or supports all of them, or is at the
 * Commissioner's discretion.
 */
public enum ThemeKind {

	THEME, ALL, DISCRETIONARY

}
