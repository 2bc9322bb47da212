package uk.opcc.cspgrants.commissioning;

/**
 * A theme of a Police and Crime Plan.
 *
 * @param id the theme's id
 * @param planId its plan's id
 * @param planName its plan's name
 * @param name the theme ("Protecting the Vulnerable")
 * @param kind a priority, all themes, or discretionary
 * @param position its place in the plan
 */
public record ThemeView(long id, long planId, String planName, String name, ThemeKind kind, int position) {
}
