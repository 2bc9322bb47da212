package uk.opcc.cspgrants.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import uk.opcc.cspgrants.shared.Dates;

/**
 * A record's sign-offs as sentences with people's names: "Fran Finance signed as
 * consulted on 9 July 2024".
 */
final class DecisionHistory {

	private DecisionHistory() {
	}

	static List<String> of(DecisionView record, Map<String, String> names) {
		List<String> lines = new ArrayList<>();
		lines.add(People.nameOf(names, record.createdBy()) + " drafted the record, dated "
				+ Dates.day(record.draft().decisionDate()));
		if (record.consulted() != null) {
			DecisionView.Consulted consulted = record.consulted();
			String signer = People.nameOf(names, consulted.by());
			lines.add(signer + " signed as consulted on " + Dates.day(consulted.on())
					+ (consulted.name().equals(signer) ? "" : ", naming " + consulted.name() + " as consulted"));
		}
		if (record.publication() != null) {
			DecisionView.PublicationDecision publication = record.publication();
			String line = People.nameOf(names, publication.by()) + " made the publication decision on "
					+ Dates.day(publication.on()) + ": publish the record: " + publication.record().label()
					+ "; the report: " + publication.report().label() + "; the decision details: "
					+ publication.details().label();
			if (!publication.redacted().isEmpty()) {
				line += "; redact: "
						+ publication.redacted().stream().map(Section::label).collect(Collectors.joining(", "));
			}
			lines.add(line);
		}
		if (record.decision() != null) {
			lines.add(People.nameOf(names, record.decision().by()) + " decided on " + Dates.day(record.decision().on())
					+ ": " + (record.decision().supported() ? Outcome.SUPPORTED : Outcome.NOT_SUPPORTED).label());
		}
		return lines;
	}

}
