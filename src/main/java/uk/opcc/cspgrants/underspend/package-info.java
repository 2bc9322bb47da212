/**
 * Year end and underspend: finance closes a year, each partnership's underspend is worked
 * out and either carried forward to its next year or returned to a central pot; a
 * redistribution proposal splits such a pot into named top-slices and a formula-split
 * remainder, and goes to finance and then, as a decision record, to the Commissioner.
 */
package uk.opcc.cspgrants.underspend;
