package uk.opcc.cspgrants.notifications;

/**
 * A message that could not be sent, with a short reason fit to show an administrator (no
 * stack trace, no password or key).
 */
class SendFailure extends Exception {

	private final boolean permanent;

	SendFailure(String reason, boolean permanent) {
		super(reason, null, false, false);
		this.permanent = permanent;
	}

	/**
	 * Whether trying again cannot help (a template id or address the service refuses).
	 */
	boolean permanent() {
		return this.permanent;
	}

}
