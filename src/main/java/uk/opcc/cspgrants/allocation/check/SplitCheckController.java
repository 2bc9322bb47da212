package uk.opcc.cspgrants.allocation.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Officers check a published split (typed, pasted or uploaded as CSV) and keep it with
 * its reconstruction.
 */
@Controller
@RequestMapping("/allocations/check")
class SplitCheckController {

	private final PublishedSplits splits;

	private final CheckPage page;

	SplitCheckController(PublishedSplits splits, CheckPage page) {
		this.splits = splits;
		this.page = page;
	}

	@GetMapping
	String form(Model model) {
		this.page.choices(model, SplitCheckForm.blank());
		return "allocation/check";
	}

	@PostMapping
	String check(@ModelAttribute("form") SplitCheckForm form,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) {
		try {
			if (file != null && !file.isEmpty()) {
				form.setTable(tableFromUpload(file));
			}
			model.addAttribute("check", this.splits.check(form.toRequest()));
		}
		catch (ValidationException refused) {
			Refusal.show(refused, model, response);
		}
		this.page.choices(model, form);
		return "allocation/check";
	}

	@PostMapping("/save")
	String save(@ModelAttribute("form") SplitCheckForm form, Model model, HttpServletResponse response,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			SavedSplit saved = this.splits.save(form.toSaveRequest(), user.getUsername());
			redirect.addFlashAttribute("success", saved.name() + " has been saved");
			return "redirect:/allocations/check/" + saved.id();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			this.page.choices(model, form);
			return "allocation/check";
		}
	}

	@GetMapping("/{id}")
	String saved(@PathVariable long id, @RequestParam(required = false) String formulaVersionId, Model model,
			HttpServletResponse response) {
		SavedSplit split = this.splits.get(id);
		SplitCheckForm form = SplitCheckForm.of(split);
		form.setFormulaVersionId(formulaVersionId);
		model.addAttribute("saved", split);
		try {
			model.addAttribute("check", this.splits.check(form.toRequest()));
		}
		catch (ValidationException refused) {
			Refusal.show(refused, model, response);
			response.setStatus(HttpServletResponse.SC_OK);
		}
		this.page.choices(model, form);
		return "allocation/check";
	}

	private static String tableFromUpload(MultipartFile file) {
		try {
			return PublishedTable.fromCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
		}
		catch (PublishedTable.TableException | IOException unreadable) {
			throw new ValidationException("file",
					"The file could not be read as CSV: save it as CSV (comma separated) and try again");
		}
	}

}
