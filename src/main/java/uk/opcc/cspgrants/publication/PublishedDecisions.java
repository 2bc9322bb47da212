package uk.opcc.cspgrants.publication;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.decision.DecisionDocuments;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * Only what has been published: decided records the Monitoring Officer did not withhold,
 * and the formula runs such records Supported. Anything else is "not found", whatever is
 * asked for.
 */
@Component
class PublishedDecisions {

	private final DecisionManagement decisions;

	private final DecisionDocuments documents;

	private final RunManagement runs;

	PublishedDecisions(DecisionManagement decisions, DecisionDocuments documents, RunManagement runs) {
		this.decisions = decisions;
		this.documents = documents;
		this.runs = runs;
	}

	/**
	 * Published records, newest first, of a calendar year and matching every word, if
	 * given.
	 */
	List<DecisionView> search(Integer year, String words) {
		List<String> terms = (words == null || words.isBlank()) ? List.of()
				: Arrays.asList(words.toLowerCase(Locale.UK).strip().split("\\s+"));
		return this.decisions.published()
			.stream()
			.filter(record -> year == null || record.draft().decisionDate().getYear() == year)
			.filter(record -> terms.stream().allMatch(term -> searchable(record).contains(term)))
			.toList();
	}

	DecisionView get(String reference) {
		DecisionView record;
		try {
			record = this.decisions.get(reference);
		}
		catch (NotFoundException missing) {
			throw notPublished(reference);
		}
		if (!record.published()) {
			throw notPublished(reference);
		}
		return record;
	}

	DecisionDocuments documents() {
		return this.documents;
	}

	/** The run a published, Supported record decided for a year's allocation, if any. */
	Optional<RunView> publishedRun(FinancialYear year) {
		return this.decisions.published()
			.stream()
			.filter(record -> record.decision() != null && record.decision().supported())
			.filter(record -> record.draft().formulaRunId() != null && !record.redacted(Section.ATTACHMENT))
			.map(record -> this.runs.get(record.draft().formulaRunId()))
			.filter(run -> run.year().equals(year))
			.max(Comparator.comparing(RunView::id));
	}

	/** Every published, Supported record with an allocation table, with its run. */
	List<PublishedRun> publishedRuns() {
		return this.decisions.published()
			.stream()
			.filter(record -> record.decision() != null && record.decision().supported())
			.filter(record -> record.draft().formulaRunId() != null && !record.redacted(Section.ATTACHMENT))
			.map(record -> new PublishedRun(record, this.runs.get(record.draft().formulaRunId())))
			.toList();
	}

	record PublishedRun(DecisionView record, RunView run) {
	}

	private static String searchable(DecisionView record) {
		StringBuilder text = new StringBuilder(record.reference()).append(' ').append(record.draft().title());
		if (!record.redacted(Section.SUMMARY) && record.draft().summary() != null) {
			text.append(' ').append(record.draft().summary());
		}
		if (!record.redacted(Section.RECOMMENDATIONS) && record.draft().recommendations() != null) {
			text.append(' ').append(record.draft().recommendations());
		}
		return text.toString().toLowerCase(Locale.UK);
	}

	private static NotFoundException notPublished(String reference) {
		return new NotFoundException("There is no published decision record " + reference);
	}

}
