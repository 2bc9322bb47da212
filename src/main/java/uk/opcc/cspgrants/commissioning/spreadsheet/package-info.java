/**
 * The award schedule as the spreadsheet officers keep today (the layout of the schedule
 * attached to EXE 0025/13): read from XLSX or CSV, reconciled against its own printed
 * subtotals and totals, imported after a check page, and exported in the same layout.
 * {@link uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleImports} is what other
 * modules (the demo data) use.
 */
@NamedInterface("spreadsheet")
package uk.opcc.cspgrants.commissioning.spreadsheet;

import org.springframework.modulith.NamedInterface;
