package uk.opcc.cspgrants.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FieldRefusals;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Turns a service's refusal into messages on the form the user filled in, so that the
 * page shows them in the error summary and beside each field, with the user's input kept.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * Adds the refusal's messages to the form's binding result. Returns false for
	 * exceptions that are not a refusal of input, which the caller should let through.
	 */
	public static boolean addTo(BindingResult result, RuntimeException refusal) {
		if (refusal instanceof ConstraintViolationException violations) {
			for (ConstraintViolation<?> violation : inFieldOrder(violations)) {
				reject(result, leafName(violation.getPropertyPath()), violation.getMessage());
			}
			return true;
		}
		if (refusal instanceof ValidationException validation) {
			validation.fieldErrors().forEach((field, message) -> reject(result, field, message));
			return true;
		}
		if (refusal instanceof ConflictException conflict) {
			reject(result, conflict.field(), conflict.getMessage());
			return true;
		}
		if (refusal instanceof OptimisticLockingFailureException) {
			return addTo(result, ConflictException.changedBySomeoneElse());
		}
		return false;
	}

	/**
	 * As {@link #addTo(BindingResult, RuntimeException)}, and sets the status the form is
	 * shown again with: 409 when the refusal is a clash with what someone else saved, 400
	 * otherwise.
	 */
	public static boolean addTo(BindingResult result, RuntimeException refusal, HttpServletResponse response) {
		if (!addTo(result, refusal)) {
			return false;
		}
		boolean clash = refusal instanceof ConflictException || refusal instanceof OptimisticLockingFailureException;
		response.setStatus(clash ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
		return true;
	}

	private static void reject(BindingResult result, String field, String message) {
		if (field != null && result.getTarget() != null && hasField(result, field)) {
			result.rejectValue(field, "refused", message);
		}
		else {
			result.reject("refused", message);
		}
	}

	private static boolean hasField(BindingResult result, String field) {
		try {
			return result.getFieldType(field) != null;
		}
		catch (RuntimeException notAField) {
			return false;
		}
	}

	/** See {@link FieldRefusals#inFieldOrder}. */
	static List<ConstraintViolation<?>> inFieldOrder(ConstraintViolationException violations) {
		return FieldRefusals.inFieldOrder(violations.getConstraintViolations());
	}

	static String leafName(Path path) {
		return FieldRefusals.leafName(path);
	}

}
