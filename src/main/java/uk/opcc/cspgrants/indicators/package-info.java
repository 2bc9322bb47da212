/**
 * Indicator data per partnership and financial year: resident population, recorded crime
 * and crime harm from police.uk files, and any other indicator from a generic CSV; the
 * imports that load them all-or-nothing, officers' corrections, and the harm weights. The
 * allocation module reads values through
 * {@link uk.opcc.cspgrants.indicators.IndicatorManagement}.
 */
package uk.opcc.cspgrants.indicators;
