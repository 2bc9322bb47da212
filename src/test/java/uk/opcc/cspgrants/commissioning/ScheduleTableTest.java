package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.decision.AttachedTable;
import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule as the table attached to its decision record and the record's words,
 * without Spring, for the Leicestershire County Council section of the 2013-14 schedule:
 * its "Youth Crime & Substance Misuse" line (£39,845) replaced by the DIP (£69,211), the
 * Community Safety Fund (£156,237), and Domestic Homicide Reviews (£20,500) from October.
 * The county's subtotal by hand: April to September £69,211 + £156,237 = £225,448 (the
 * replaced £39,845 not counted), October to March £20,500, in all £245,948.
 */
class ScheduleTableTest {

	private static final FinancialYear YEAR = new FinancialYear(2013);

	@Test
	void theCountySectionHasItsLinesItsStruckReplacedLineAndItsSubtotal() {
		AttachedTable table = ScheduleTable.of(schedule());
		assertThat(table.headings()).extracting(AttachedTable.Heading::text)
			.containsExactly("Organisation / initiative", "Apr 13 to Sept 13", "Oct 13 to Mar 14", "Total", "Status",
					"Purchasing route", "Police and Crime Plan theme", "Comments");
		assertThat(table.rows()).extracting(AttachedTable.Row::kind)
			.containsExactly(AttachedTable.Kind.SECTION, AttachedTable.Kind.REPLACED, AttachedTable.Kind.LINE,
					AttachedTable.Kind.LINE, AttachedTable.Kind.LINE, AttachedTable.Kind.SUBTOTAL,
					AttachedTable.Kind.TOTAL);
		assertThat(table.rows().get(0).cells().get(0)).isEqualTo("Leicestershire County Council");
		assertThat(table.rows().get(1).note()).isEqualTo("Replaced by line 2");
		assertThat(table.rows().get(1).cells().get(7))
			.isEqualTo("Replaced by line 2, not counted; 39,845 Replaced by below");
		assertThat(table.rows().get(2).cells().get(7)).isEqualTo("Replaces line 1; 39,845 Replaces above");
		assertThat(table.rows().get(4).cells()).containsSubsequence("Domestic Homicide Reviews", "", "£20,500.00",
				"£20,500.00", "Indicative");
		assertThat(table.rows().get(4).cells().get(7)).isEqualTo("£20,500.00 for 1 Nov 2013 to 31 Mar 2014");
		assertThat(table.rows().get(5).cells()).containsExactly("Total Leicestershire County Council", "£225,448.00",
				"£20,500.00", "£245,948.00", "", "", "", "");
		assertThat(table.rows().get(6).cells().subList(0, 4)).containsExactly("Total", "£225,448.00", "£20,500.00",
				"£245,948.00");
	}

	@Test
	void theRecordSaysWhatTheSupportedDecisionMakesAndWhatWaitsForALaterOne() {
		ScheduleView schedule = schedule();
		ScheduleDecisionText.Committed committed = ScheduleDecisionText.Committed.of(schedule);
		assertThat(committed.lines()).isEqualTo(2);
		assertThat(committed.total()).isEqualTo(Money.of("225448.00"));
		assertThat(committed.later()).isEqualTo(Money.of("20500.00"));
		List<FundingStreamView> streams = List.of(
				new FundingStreamView(1, YEAR, "PCC Community Safety Grant", "Home Office", StreamKind.GRANT,
						Money.of("1649000.00"), null, false, 0),
				new FundingStreamView(3, YEAR, "Budget Equalisation Reserve", "Police and Crime Commissioner",
						StreamKind.RESERVE, Money.of("294994.00"), null, false, 0));
		DecisionDraft draft = ScheduleDecisionText.draft(schedule, streams, LocalDate.of(2013, 8, 27));
		assertThat(draft.title()).isEqualTo("Police and Crime Commissioner Partner Funding 2013-14");
		assertThat(draft.summary()).contains("commissioning budget is £1,943,994.00",
				"- 3. Co-commissioning with Community Safety Partnerships on business cases",
				"- Budget Equalisation Reserve (Police and Crime Commissioner): £294,994.00",
				"**Total: £1,943,994.00**");
		assertThat(draft.recommendations()).isEqualTo(
				"- 1. Approve the funding allocations and distributions set out in the attached award schedule 2013-14.\n"
						+ "- 2. Approve the use of the Budget Equalisation Reserve to support the commissioning "
						+ "intentions and the Police and Crime Plan.");
		assertThat(draft.financialImplications())
			.startsWith("The schedule commits £225,448.00 in 2 lines to 1 recipient.")
			.contains("Indicative lines and new funding streams, £20,500.00, need a later decision");
		assertThat(draft.formulaRunId()).isNull();
	}

	private static ScheduleView schedule() {
		LocalDate april = LocalDate.of(2013, 4, 1);
		LocalDate september = LocalDate.of(2013, 9, 30);
		List<AwardLineView> lines = List.of(
				line(1, 1, "Youth Crime & Substance Misuse Prevention Activities", LineStatus.COMMITTED, null, 2L,
						"39,845 Replaced by below",
						new AwardLineView.Period(1, april, september, Money.of("39845.00"))),
				line(2, 2, "Drug Intervention Programme (DIP)", LineStatus.COMMITTED, 1L, null, "39,845 Replaces above",
						new AwardLineView.Period(1, april, september, Money.of("69211.00"))),
				line(3, 3, "Community Safety Fund", LineStatus.COMMITTED, null, null, null,
						new AwardLineView.Period(1, april, september, Money.of("156237.00"))),
				line(4, 4, "Domestic Homicide Reviews", LineStatus.INDICATIVE, null, null, null,
						new AwardLineView.Period(1, LocalDate.of(2013, 11, 1), LocalDate.of(2014, 3, 31),
								Money.of("20500.00"))));
		return new ScheduleView(1, YEAR, "Partner funding", ScheduleStatus.DRAFT, BigDecimal.ZERO, null, 0, lines);
	}

	private static AwardLineView line(long id, int position, String initiative, LineStatus status, Long replaces,
			Long replacedBy, String comments, AwardLineView.Period period) {
		return new AwardLineView(id, position, null, 20, "Leicestershire County Council", "GB-LAE-LEC", null,
				initiative, status, 1, "PCC Community Safety Grant", 5, "Reoffending and Offending",
				PurchasingRoute.DIRECT, null, null, null, false, comments, replaces, replacedBy, null, List.of(period));
	}

}
