package uk.opcc.cspgrants.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Applicants' sign-in by e-mail (issue 16).
 *
 * @param signIn whether anyone may ask for a sign-in link to apply for a grant; in the
 * {@code prod} profile the application refuses to start with this on and no way of
 * sending e-mail
 * @param linksPerHour how many links one address may be sent in an hour; further requests
 * get the same answer and send nothing
 * @param linksPerHourFromOneNetworkAddress how many links may be asked for from one
 * network address in an hour, whatever the e-mail addresses; further requests get the
 * same answer and send nothing
 */
@ConfigurationProperties("csp-grants.applicants")
public record ApplicantProperties(@DefaultValue("true") boolean signIn, @DefaultValue("5") int linksPerHour,
		@DefaultValue("30") int linksPerHourFromOneNetworkAddress) {

	public ApplicantProperties {
		if (linksPerHour < 1) {
			throw new IllegalArgumentException("csp-grants.applicants.links-per-hour must be at least 1");
		}
		if (linksPerHourFromOneNetworkAddress < 1) {
			throw new IllegalArgumentException(
					"csp-grants.applicants.links-per-hour-from-one-network-address must be at least 1");
		}
	}

}
