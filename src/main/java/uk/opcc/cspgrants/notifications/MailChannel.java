package uk.opcc.cspgrants.notifications;

/** A way of sending e-mail: SMTP or GOV.UK Notify. */
interface MailChannel {

	/** Sends one message, or throws saying briefly why not. */
	void send(Outgoing message) throws SendFailure;

	/** The channel in words, for the start-up log. */
	String describe();

}
