package uk.opcc.cspgrants.allocation.check;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Anyone, without signing in, checks a saved published split or a table of their own
 * (never saved) against the published indicator data. A check is a GET, like the public
 * scenario page: no session and no CSRF token are needed, and the address can be shared.
 * A check that cannot be done is always a message on the field, never an error page.
 */
@Controller
@RequestMapping("/public/published-splits")
class PublicSplitCheckController {

	private static final Logger log = LoggerFactory.getLogger(PublicSplitCheckController.class);

	private final PublishedSplits splits;

	private final CheckPage page;

	PublicSplitCheckController(PublishedSplits splits, CheckPage page) {
		this.splits = splits;
		this.page = page;
	}

	@GetMapping
	String check(@ModelAttribute("form") SplitCheckForm form, @RequestParam(required = false) String check, Model model,
			HttpServletResponse response) {
		model.addAttribute("publicCheck", true);
		if (check != null) {
			checkInto(form, model, response);
		}
		else if (form.getIndicators().isEmpty()) {
			form.setIndicators(SplitCheckForm.blank().getIndicators());
		}
		this.page.choices(model, form);
		return "allocation/check";
	}

	@GetMapping("/{id}")
	String saved(@PathVariable String id, @RequestParam(required = false) String formulaVersionId, Model model,
			HttpServletResponse response) {
		if (!id.matches("[0-9]{1,18}")) {
			throw new NotFoundException("There is no published split " + id);
		}
		SavedSplit split = this.splits.get(Long.parseLong(id));
		SplitCheckForm form = SplitCheckForm.of(split);
		form.setFormulaVersionId(formulaVersionId);
		model.addAttribute("publicCheck", true);
		model.addAttribute("saved", split);
		checkInto(form, model, response);
		response.setStatus(HttpServletResponse.SC_OK);
		this.page.choices(model, form);
		return "allocation/check";
	}

	private void checkInto(SplitCheckForm form, Model model, HttpServletResponse response) {
		if (!this.page.publiclyComparable(form.getFormulaVersionId())) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors",
					Map.of("formulaVersionId", "Choose the formula of a published allocation from the list"));
			return;
		}
		try {
			model.addAttribute("check", this.splits.check(form.toRequest()));
		}
		catch (ValidationException refused) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", refused.fieldErrors());
		}
		catch (NotFoundException | IllegalArgumentException | ArithmeticException | IllegalStateException cannot) {
			log.warn("A public check of a published split could not be done: {}", cannot.toString());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors",
					Map.of("table", "This table cannot be checked against the published data: check the "
							+ "partnerships and amounts, the indicators and the years"));
		}
	}

}
