package uk.opcc.cspgrants.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A page's answer to a refused change: the messages for the GOV.UK error summary and
 * beside each field (model attribute {@code errors}, shown by
 * {@code fragments/errors.html}), and the status the page is sent with: 400 for input
 * that is not valid, 409 when it clashes with what someone else saved. The page is shown
 * again with what the user typed, never a redirect that loses it.
 *
 * @param status 400 or 409
 * @param errors messages by field; {@code form} for the form as a whole
 */
public record Refusal(HttpStatus status, Map<String, String> errors) {

	/**
	 * The refusal a service's exception stands for, or empty when it is not a refusal of
	 * the user's input (which the caller should let through).
	 */
	public static Optional<Refusal> of(RuntimeException exception) {
		if (exception instanceof ValidationException invalid) {
			return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, new LinkedHashMap<>(invalid.fieldErrors())));
		}
		if (exception instanceof ConflictException conflict) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put((conflict.field() != null) ? conflict.field() : "form", conflict.getMessage());
			return Optional.of(new Refusal(HttpStatus.CONFLICT, errors));
		}
		if (exception instanceof OptimisticLockingFailureException) {
			return of(ConflictException.changedBySomeoneElse());
		}
		return Optional.empty();
	}

	/**
	 * Puts the messages on the page and sets its status; rethrows what is not a refusal.
	 */
	public static Refusal show(RuntimeException exception, Model model, HttpServletResponse response) {
		Refusal refusal = of(exception).orElseThrow(() -> exception);
		response.setStatus(refusal.status().value());
		model.addAttribute("errors", refusal.errors());
		return refusal;
	}

	public boolean conflict() {
		return this.status == HttpStatus.CONFLICT;
	}

}
