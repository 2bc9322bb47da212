package uk.opcc.cspgrants.decision;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.ValidationException;

/** Decision records and their sign-offs in JSON. */
@RestController
@Tag(name = "Decisions", description = "Decision records, sign-offs and PDFs")
class DecisionApiController {

	private final DecisionManagement decisions;

	private final DecisionDocuments documents;

	private final Clock clock;

	DecisionApiController(DecisionManagement decisions, DecisionDocuments documents, Clock clock) {
		this.clock = clock;
		this.decisions = decisions;
		this.documents = documents;
	}

	@GetMapping("/api/v1/decisions")
	@Operation(summary = "Every decision record, newest first")
	List<DecisionView> list() {
		return this.decisions.list();
	}

	@PostMapping("/api/v1/decisions")
	@Operation(summary = "Draft a decision record (officers); it gets the next reference, e.g. EXE0019-24")
	ResponseEntity<DecisionView> create(@RequestBody DecisionDraft draft, @AuthenticationPrincipal CurrentUser user) {
		DecisionView created = this.decisions.create(draft, user);
		return ResponseEntity.created(URI.create("/api/v1/decisions/" + created.reference())).body(created);
	}

	@GetMapping("/api/v1/decisions/{reference}")
	@Operation(summary = "One decision record with its sign-offs")
	DecisionView get(@PathVariable String reference) {
		return this.decisions.get(reference);
	}

	@GetMapping("/api/v1/decisions/{reference}.pdf")
	@Operation(summary = "A decision record as a PDF, unredacted, for OPCC staff")
	ResponseEntity<byte[]> pdf(@PathVariable String reference) {
		return DecisionDocuments.pdfResponse(reference, this.documents.pdf(this.decisions.get(reference), false));
	}

	@PostMapping("/api/v1/decisions/{reference}/{step}")
	@Operation(
			summary = "A sign-off step: consult (finance), publication (Monitoring Officer), decide (Commissioner) or send-back")
	DecisionView step(@PathVariable String reference, @PathVariable String step, @RequestBody StepBody body,
			@AuthenticationPrincipal CurrentUser user) {
		LocalDate on = (body.on() != null) ? body.on() : LocalDate.ofInstant(this.clock.instant(), Dates.UK);
		return switch (step) {
			case "consult" -> this.decisions.consult(reference, body.name(), on, user);
			case "publication" -> this.decisions.decidePublication(reference, body.record(), body.report(),
					body.details(), body.reasons(), (body.redacted() == null || body.redacted().isEmpty())
							? EnumSet.noneOf(Section.class) : EnumSet.copyOf(body.redacted()),
					on, user);
			case "decide" -> {
				if (body.decision() == null) {
					throw new ValidationException("decision", "Send decision: SUPPORTED or NOT_SUPPORTED");
				}
				yield this.decisions.decide(reference, body.decision(), on, body.comment(), user);
			}
			case "send-back" -> this.decisions.sendBack(reference, body.reason(), user);
			default -> throw new ValidationException("step",
					"There is no step " + step + ": use consult, publication, decide or send-back");
		};
	}

	/** The fields of a sign-off step; each step reads its own. */
	record StepBody(String name, LocalDate on, Publication record, Publication report, Publication details,
			String reasons, Set<Section> redacted, Outcome decision, String comment, String reason) {
	}

}
