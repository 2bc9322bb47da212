package uk.opcc.cspgrants.rounds.applying;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * An applicant's supporting documents: the page that lists them and uploads one at a
 * time, downloading one, and removing one after a page that asks first. A refused upload
 * shows the page again with its messages and the kind chosen (a browser never lets a page
 * choose the file again).
 */
@Controller
@RequestMapping("/apply/applications/{id}/documents")
class DocumentController {

	private final ApplicationManagement applications;

	private final ApplicationDocuments documents;

	DocumentController(ApplicationManagement applications, ApplicationDocuments documents) {
		this.applications = applications;
		this.documents = documents;
	}

	@GetMapping
	String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		return page(this.applications.get(id, applicant), null, model);
	}

	@PostMapping
	String upload(@PathVariable long id, @RequestParam(required = false) DocumentKind kind,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal CurrentUser applicant,
			Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		try {
			DocumentView attached = this.documents.attach(id, kind, (file != null) ? file.getOriginalFilename() : null,
					(file != null) ? file.getBytes() : new byte[0], applicant);
			redirect.addFlashAttribute("success", "“" + attached.fileName() + "” has been uploaded");
			return "redirect:/apply/applications/" + id + "/documents";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return refusedPage(this.applications.get(id, applicant), kind, model);
		}
	}

	@GetMapping("/{documentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId,
			@AuthenticationPrincipal CurrentUser applicant) {
		DocumentFile file = this.documents.download(id, documentId, applicant);
		return Downloads.uploaded(file.content(), file.type().contentType(), file.fileName());
	}

	@GetMapping("/{documentId}/remove")
	String removePage(@PathVariable long id, @PathVariable long documentId,
			@AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.applications.get(id, applicant);
		if (application.status() != ApplicationStatus.DRAFT) {
			return "redirect:/apply/applications/" + id;
		}
		model.addAttribute("document", this.documents.one(id, documentId, applicant));
		model.addAttribute("grantApplication", application);
		model.addAttribute("round", this.applications.roundOf(application));
		return "apply/document-remove";
	}

	@PostMapping("/{documentId}/remove")
	String remove(@PathVariable long id, @PathVariable long documentId, @RequestParam(required = false) String remove,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if ("no".equals(remove)) {
			return "redirect:/apply/applications/" + id + "/documents";
		}
		if (!"yes".equals(remove)) {
			model.addAttribute("errors", Map.of("remove", "Select yes if you want to remove the file"));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return removePage(id, documentId, applicant, model);
		}
		try {
			DocumentView removed = this.documents.remove(id, documentId, applicant);
			redirect.addFlashAttribute("success", "“" + removed.fileName() + "” has been removed");
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return refusedPage(this.applications.get(id, applicant), null, model);
		}
		return "redirect:/apply/applications/" + id + "/documents";
	}

	/**
	 * The documents page with a refusal; or, once the application is no longer a draft,
	 * the application's own page saying why nothing changed.
	 */
	private String refusedPage(ApplicationView application, DocumentKind kind, Model model) {
		if (application.status() == ApplicationStatus.DRAFT) {
			return page(application, kind, model);
		}
		ApplicationModel.put(model, this.applications.roundOf(application), application);
		return "apply/application";
	}

	private String page(ApplicationView application, DocumentKind kind, Model model) {
		if (application.status() != ApplicationStatus.DRAFT) {
			return "redirect:/apply/applications/" + application.id();
		}
		model.addAttribute("grantApplication", application);
		model.addAttribute("round", this.applications.roundOf(application));
		model.addAttribute("task", TaskName.DOCUMENTS);
		model.addAttribute("kinds", DocumentKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("required", DocumentKind.requiredFor(application.organisationType()));
		return "apply/task-documents";
	}

}
