package uk.opcc.cspgrants.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * Friendly pages for what page controllers refuse. Never shows an exception's class or
 * stack trace; the message shown is one written for users.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

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
