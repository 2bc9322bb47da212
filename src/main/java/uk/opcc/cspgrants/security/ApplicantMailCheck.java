package uk.opcc.cspgrants.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.notice.EmailDelivery;

/**
 * In production, applicants' sign-in needs e-mail: their links are their only way in, and
 * a link kept in the application reaches nobody. So the {@code prod} profile refuses to
 * start with applicants' sign-in on ({@code csp-grants.applicants.sign-in}, on unless
 * set) and neither SMTP ({@code spring.mail.host}) nor GOV.UK Notify
 * ({@code csp-grants.notify.api-key}) set up.
 */
@Component
@Profile("prod")
class ApplicantMailCheck {

	ApplicantMailCheck(ApplicantProperties properties, ObjectProvider<EmailDelivery> email) {
		EmailDelivery delivery = email.getIfAvailable();
		if (properties.signIn() && (delivery == null || !delivery.emailsAreSent())) {
			throw new IllegalStateException("Applicants sign in by a link sent by e-mail, and no e-mail can be sent: "
					+ "set SPRING_MAIL_HOST (SMTP) or CSP_GRANTS_NOTIFY_API_KEY (GOV.UK Notify), or turn applicants' "
					+ "sign-in off with CSP_GRANTS_APPLICANTS_SIGN_IN=false");
		}
	}

}
