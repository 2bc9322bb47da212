package uk.opcc.cspgrants.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Answers every refusal of the JSON API as an RFC 9457 problem detail: 400 with the field
 * errors, 404, 409 for duplicates and stale versions, and a 500 that says nothing of the
 * code.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException exception) {
		return problem(HttpStatus.NOT_FOUND, "Not found", exception.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException exception) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", exception.getMessage());
		if (exception.field() != null) {
			problem.setProperty("errors", Map.of(exception.field(), exception.getMessage()));
		}
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleVersion(OptimisticLockingFailureException exception) {
		return conflict(ConflictException.changedBySomeoneElse());
	}

	/**
	 * A change the database refused: a value its column cannot hold (SQL state class 22,
	 * e.g. numeric overflow) is the request's fault, 400; anything else clashes with
	 * saved data, 409. Input is checked before it gets this far; this is the last line.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail duplicate(DataIntegrityViolationException exception) {
		if (isDataException(exception)) {
			log.warn("The database refused a value that was not checked before: {}",
					exception.getMostSpecificCause().getMessage());
			return problem(HttpStatus.BAD_REQUEST, "Invalid request",
					"A value is larger or has more decimal places than can be kept. Nothing was changed.");
		}
		log.info("Refused a change that clashes with saved data: {}", exception.getMostSpecificCause().getMessage());
		return conflict(DatabaseRefusal.asConflict(exception, Map.of()));
	}

	private static boolean isDataException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}

	@ExceptionHandler(ValidationException.class)
	ProblemDetail invalid(ValidationException exception) {
		return invalid(exception.fieldErrors());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail invalid(ConstraintViolationException exception) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<?> violation : FormErrors.inFieldOrder(exception)) {
			errors.putIfAbsent(FormErrors.leafName(violation.getPropertyPath()), violation.getMessage());
		}
		return invalid(errors);
	}

	@ExceptionHandler({ IllegalArgumentException.class, InvalidMoneyException.class })
	ProblemDetail badArgument(IllegalArgumentException exception) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", exception.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception exception) throws Exception {
		if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
			throw exception;
		}
		log.error("Unexpected error answering an API request", exception);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side. Nothing was changed. Try again later.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		exception.getBindingResult()
			.getFieldErrors()
			.forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		exception.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/**
	 * A body that is not JSON, or JSON of the wrong shape: 400, naming the field and what
	 * it should hold when the JSON itself could be read (see {@link StrictJson}).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
				"The request body is not valid JSON of the expected shape.");
		Map<String, String> errors = UnreadableJson.fieldErrors(exception);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail invalid(Map<String, String> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
				"Some values are missing or not valid.");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
