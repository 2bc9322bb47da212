package uk.opcc.cspgrants.commissioning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The schedule's decision steps taken directly on its row, for the decision's tests while
 * {@link AwardScheduleManagement} is being built (its methods throw until the schedule's
 * engineer's land). Not a component: a test that wants it starts the application with
 * {@link #SOURCE} among its arguments; once the real steps are merged, drop the argument
 * and the tests run against them unchanged.
 */
public class ScheduleStepsBySql {

	/**
	 * The command-line argument that adds these steps to an application started by a
	 * test.
	 */
	public static final String SOURCE = "--spring.main.sources=" + ScheduleStepsBySql.class.getName();

	@Bean
	@Primary
	ScheduleDecisionSteps scheduleStepsOnTheRow(JdbcClient jdbc) {
		return new ScheduleDecisionSteps() {

			@Override
			public void attach(FinancialYear year, long version, String decisionReference, CurrentUser user) {
				int changed = jdbc
					.sql("update award_schedule set status = 'IN_DECISION', decision_reference = ?, "
							+ "version = version + 1, updated_at = now() where financial_year = ? and version = ? "
							+ "and status = 'DRAFT'")
					.params(decisionReference, year.startYear(), version)
					.update();
				if (changed != 1) {
					throw new ConflictException(null,
							"The award schedule " + year + " is not a draft at version " + version);
				}
			}

			@Override
			public void detach(String decisionReference) {
				jdbc.sql(
						"update award_schedule set status = 'DRAFT', decision_reference = null, version = version + 1, "
								+ "updated_at = now() where decision_reference = ? and status = 'IN_DECISION'")
					.param(decisionReference)
					.update();
			}

			@Override
			public void decided(String decisionReference) {
				jdbc.sql("update award_schedule set status = 'DECIDED', version = version + 1, updated_at = now() "
						+ "where decision_reference = ? and status = 'IN_DECISION'")
					.param(decisionReference)
					.update();
			}

		};
	}

}
