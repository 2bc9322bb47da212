package uk.opcc.cspgrants.shared.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Friendly pages for what page controllers refuse. Never shows an exception's class or
 * stack trace; the message shown is one written for users.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound(NotFoundException exception) {
		return page("error/404", exception.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView conflict(ConflictException exception) {
		return page("error/409", exception.getMessage());
	}

	/**
	 * Someone else saved first and the page did not handle it: still a 409 saying so,
	 * never a 500.
	 */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView staleVersion(OptimisticLockingFailureException exception) {
		return page("error/409", ConflictException.changedBySomeoneElse().getMessage());
	}

	/** The database refused a change the page did not check: a 409, never a 500. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView refusedByTheDatabase(DataIntegrityViolationException exception) {
		log.info("A page's change was refused by the database: {}", exception.getMostSpecificCause().getMessage());
		return page("error/409", DatabaseRefusal.asConflict(exception, Map.of()).getMessage());
	}

	@ExceptionHandler(ValidationException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView invalid(ValidationException exception) {
		return page("error/400", exception.getMessage());
	}

	/**
	 * A part of the address that should be a number or a code is not one (an id typed by
	 * hand, {@code /account/tokens/abc/revoke}): there is no such page; a value in the
	 * query or a form that cannot be read is a bad request. Never the parser's message.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView notAnAddress(MethodArgumentTypeMismatchException exception) {
		if (exception.getParameter().hasParameterAnnotation(PathVariable.class)) {
			ModelAndView page = page("error/404", null);
			page.setStatus(HttpStatus.NOT_FOUND);
			return page;
		}
		// a value in the query or a form (a year, a version) that cannot be read
		ModelAndView page = page("error/400", "A value sent with the page could not be read: go back to the page, "
				+ "check what you entered and try again.");
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	/**
	 * A number that could not be read, wherever it came from: never the parser's words.
	 */
	@ExceptionHandler(NumberFormatException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView notANumber(NumberFormatException exception) {
		return page("error/400",
				"A number was expected where something else was given. Check what you entered and " + "try again.");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView badRequest(IllegalArgumentException exception) {
		return page("error/400", exception.getMessage());
	}

	private static ModelAndView page(String view, String message) {
		ModelAndView page = new ModelAndView(view);
		page.addObject("message", message);
		return page;
	}

}
