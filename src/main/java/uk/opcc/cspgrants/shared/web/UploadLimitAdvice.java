package uk.opcc.cspgrants.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload larger than the limits is refused before any controller sees it: a page says
 * so, and the API answers 413 with a problem detail. Nothing is loaded.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final String fileLimit;

	private final String requestLimit;

	UploadLimitAdvice(@Value("${spring.servlet.multipart.max-file-size}") String fileLimit,
			@Value("${spring.servlet.multipart.max-request-size}") String requestLimit) {
		this.fileLimit = fileLimit;
		this.requestLimit = requestLimit;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		String message = "The upload is too large: each file may be up to " + this.fileLimit + " and an upload up to "
				+ this.requestLimit + " in all. Nothing was loaded; send fewer or smaller files.";
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message);
			problem.setTitle("Upload too large");
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ModelAndView page = new ModelAndView("error/400");
		page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
		page.addObject("message", message);
		return page;
	}

}
