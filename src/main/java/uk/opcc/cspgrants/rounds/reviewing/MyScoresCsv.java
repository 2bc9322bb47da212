package uk.opcc.cspgrants.rounds.reviewing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * A reviewer's own scores as CSV, one row per criterion scored: the round, the
 * application's reference and project, whether submitted, the criterion, its weight, the
 * score out of the top of the scale, and the reason. Only reviews they declared no
 * conflict with (a conflicted or withdrawn review has no scores); never who applied, so
 * that a blind round stays blind. Text a spreadsheet would read as a formula is kept as
 * text.
 */
final class MyScoresCsv {

	static final List<String> HEADINGS = List.of("Grant round", "Application", "Project", "Submitted", "Criterion",
			"Weight", "Score", "Out of", "Reason");

	private MyScoresCsv() {
	}

	static String of(List<ReviewerAccess.Review> reviews) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord(HEADINGS);
			for (ReviewerAccess.Review review : reviews) {
				List<Criterion> criteria = review.round().criteria();
				for (int position = 1; position <= criteria.size(); position++) {
					Score score = review.assignment().scores().get(position);
					if (score == null) {
						continue;
					}
					csv.printRecord(SpreadsheetText.safe(review.round().title()), review.application().reference(),
							SpreadsheetText.safe(review.application().projectTitle()),
							review.assignment().status() == AssignmentStatus.SUBMITTED ? "Yes" : "No",
							SpreadsheetText.safe(criteria.get(position - 1).name()),
							criteria.get(position - 1).weight().toPlainString(), score.score(),
							review.round().scaleMax(), SpreadsheetText.safe(score.reason()));
				}
			}
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toString();
	}

}
