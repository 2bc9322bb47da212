package uk.opcc.cspgrants.rounds.applying;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import uk.opcc.cspgrants.shared.ValidationException;

/** The "Contact details" page as typed: who the OPCC talks to about the application. */
record ContactForm(String name, String role, String email, String phone, Long version) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,25}");

	static ContactForm of(ApplicationView application) {
		return new ContactForm(text(application.contactName()), text(application.contactRole()),
				text(application.contactEmail()), text(application.contactPhone()), application.version());
	}

	ContactForm withVersion(long now) {
		return new ContactForm(this.name, this.role, this.email, this.phone, now);
	}

	Answers.Contact answers() {
		Map<String, String> errors = new LinkedHashMap<>();
		String typedName = Text.required(this.name, "name", "Enter the name of the person we should contact", 200,
				errors);
		String typedRole = Text.optional(this.role, "role", 200, errors);
		String typedEmail = Text.required(this.email, "email", "Enter their email address", 254, errors);
		if (typedEmail != null && !EMAIL.matcher(typedEmail).matches()) {
			errors.put("email", "Enter an email address in the correct format, like name@example.com");
		}
		String typedPhone = Text.optional(this.phone, "phone", 30, errors);
		if (typedPhone != null && !PHONE.matcher(typedPhone).matches()) {
			errors.put("phone", "Enter a telephone number, like 0116 496 0000 or +44 116 496 0000");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Answers.Contact(typedName, typedRole, typedEmail, typedPhone);
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

}
