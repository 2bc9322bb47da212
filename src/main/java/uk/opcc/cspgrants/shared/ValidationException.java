package uk.opcc.cspgrants.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule refused the input. Carries one message per field so that a page can
 * show them in the error summary and the API can list them in a problem detail.
 */
public class ValidationException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public ValidationException(String field, String message) {
		this(Map.of(field, message));
	}

	public ValidationException(Map<String, String> fieldErrors) {
		super(String.join("; ", fieldErrors.values()));
		this.fieldErrors = new LinkedHashMap<>(fieldErrors);
	}

	/** The messages in the order they were found, which is the order of the form. */
	public Map<String, String> fieldErrors() {
		return Collections.unmodifiableMap(this.fieldErrors);
	}

}
