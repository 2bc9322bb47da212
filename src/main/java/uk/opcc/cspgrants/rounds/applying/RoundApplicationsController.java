package uk.opcc.cspgrants.rounds.applying;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.web.Downloads;

/**
 * Officers' pages of a round's submitted applications: the list, and each one's answers.
 */
@Controller
@RequestMapping("/rounds/{reference}/applications")
class RoundApplicationsController {

	private final SubmittedApplications submitted;

	private final ApplicationDocuments documents;

	private final DueDiligenceRecords dueDiligence;

	RoundApplicationsController(SubmittedApplications submitted, ApplicationDocuments documents,
			DueDiligenceRecords dueDiligence) {
		this.submitted = submitted;
		this.documents = documents;
		this.dueDiligence = dueDiligence;
	}

	@GetMapping
	String list(@PathVariable String reference, Model model) {
		RoundView round = this.submitted.round(reference);
		model.addAttribute("round", round);
		List<ApplicationView> applications = this.submitted.of(round);
		model.addAttribute("applications", applications);
		model.addAttribute("total",
				applications.stream().map(ApplicationView::amountRequested).reduce(Money.ZERO, Money::plus));
		model.addAttribute("drafts", this.submitted.drafts(round));
		return "rounds/applications";
	}

	@GetMapping("/{application}")
	String one(@PathVariable String reference, @PathVariable String application, Model model) {
		RoundView round = this.submitted.round(reference);
		ApplicationView shown = this.submitted.one(round, application);
		ApplicationModel.put(model, round, shown);
		model.addAttribute("canDecideEligibility", shown.mayBeFoundEligible(round));
		model.addAttribute("dueDiligence", this.dueDiligence.of(shown).orElse(null));
		model.addAttribute("questions", DueDiligenceAnswers.QUESTIONS);
		model.addAttribute("documentsAt",
				"/rounds/" + round.reference() + "/applications/" + shown.reference() + "/documents");
		return "rounds/application";
	}

	@GetMapping("/{application}/documents/{documentId}")
	ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable String application,
			@PathVariable long documentId) {
		ApplicationView shown = this.submitted.one(this.submitted.round(reference), application);
		DocumentFile file = this.documents.download(shown, documentId);
		return Downloads.uploaded(file.content(), file.type().contentType(), file.fileName());
	}

}
