package uk.opcc.cspgrants.shared.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value the database could not hold is the request's fault, not a clash with a record
 * that already exists.
 */
class ApiProblemAdviceTest {

	private final ApiProblemAdvice advice = new ApiProblemAdvice();

	@Test
	void aNumericOverflowIsABadRequestNotAClash() {
		ProblemDetail problem = this.advice.duplicate(new DataIntegrityViolationException("insert",
				new SQLException("ERROR: numeric field overflow", "22003")));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).startsWith("A value is larger or has more decimal places than can be kept");
	}

	@Test
	void aUniqueViolationIsStillAClash() {
		ProblemDetail problem = this.advice.duplicate(new DataIntegrityViolationException("insert",
				new SQLException("ERROR: duplicate key value violates unique constraint", "23505")));
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getDetail()).isEqualTo(
				"This record was changed by someone else after you opened it. Check the current values and save again.");
	}

}
