package uk.opcc.cspgrants.shared.notice;

/**
 * Whether messages are e-mailed at all (an SMTP server or GOV.UK Notify is set up), or
 * only kept in the application. Declared by the notifications module, for features whose
 * messages are no use unless they arrive by e-mail, such as an applicant's sign-in link.
 */
public interface EmailDelivery {

	boolean emailsAreSent();

}
