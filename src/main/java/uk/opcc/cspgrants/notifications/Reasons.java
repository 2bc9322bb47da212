package uk.opcc.cspgrants.notifications;

import java.util.Arrays;
import java.util.Objects;

/**
 * Why a message was not sent, in one short line an administrator can read: the first line
 * of the failure's message and of its root cause, with class names shortened, never a
 * stack trace, and with the passwords and keys it was given blanked out.
 */
final class Reasons {

	static final int MAX_LENGTH = 300;

	private Reasons() {
	}

	static String of(Throwable failure, String... secrets) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = firstLine(failure);
		if (root != failure) {
			String cause = firstLine(root);
			if (!reason.contains(cause)) {
				reason = reason + " (" + cause + ")";
			}
		}
		return shorten(reason, secrets);
	}

	static String shorten(String reason, String... secrets) {
		String text = reason.replaceAll("\\b(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)", "$1");
		for (String secret : Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> s.length() >= 4).toList()) {
			text = text.replace(secret, "****");
		}
		text = text.replaceAll("\\s+", " ").strip();
		return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
	}

	private static String firstLine(Throwable failure) {
		String message = failure.getMessage();
		if (message == null || message.isBlank()) {
			return failure.getClass().getSimpleName();
		}
		return message.strip().lines().findFirst().orElse("").strip();
	}

}
