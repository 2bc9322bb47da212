package uk.opcc.cspgrants.shared.notice;

/**
 * The work a {@link Notice} was {@link Notice#about() about} is done (a return arrived, a
 * record was signed): messages about it that are not yet sent are not sent, so nobody is
 * chased for work already done. Published in the transaction of the change that did it.
 *
 * @param about as in {@link Notice#about()}, e.g. {@code return:2024-25:Q2:LEI}
 * @param why in words, kept with each message not sent, e.g. "The return arrived"
 */
public record NoticeSettled(String about, String why) {
}
