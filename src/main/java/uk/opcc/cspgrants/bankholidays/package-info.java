/**
 * The administrator's page of bank holidays: the division in force, the coming bank
 * holidays, where the file came from, and uploading a newer GOV.UK file (checked, then
 * confirmed). Working days themselves are counted by
 * {@link uk.opcc.cspgrants.shared.calendar.BankHolidays}, which reads what this module
 * stores.
 */
package uk.opcc.cspgrants.bankholidays;
