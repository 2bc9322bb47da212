package uk.opcc.cspgrants.allocation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page that explains the formula, for anyone, signed in or not. */
@Controller
class PublicFormulaController {

	@GetMapping("/how-the-formula-works")
	String howTheFormulaWorks() {
		return "public/how-the-formula-works";
	}

}
