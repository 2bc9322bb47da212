package uk.opcc.cspgrants.notifications;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages are written and sent.
 *
 * @param baseUrl where people reach the application, for the one link of each e-mail
 * @param senderName the office named in each e-mail's sign-off (and as its sender)
 * @param from the address e-mail is sent from by SMTP
 * @param scheduled whether each node looks for messages to send every {@code sendEvery}
 * (tests switch it off and call {@link NotificationSender#sendDue()})
 * @param sendEvery how long a node waits after one look before the next
 * @param retryAfter how long to wait after the first, second, ... failed attempt; after
 * as many failures as there are waits and one more, a message is failed
 */
@ConfigurationProperties("csp-grants.notifications")
record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("Office of the Police and Crime Commissioner") String senderName,
		@DefaultValue("no-reply@csp-grants.invalid") String from, @DefaultValue("true") boolean scheduled,
		@DefaultValue("30s") Duration sendEvery, @DefaultValue( {
				"1m", "5m", "15m", "60m", "240m" }) List<Duration> retryAfter){

	/**
	 * The wait after the {@code failures}th failure, or null when that was the last
	 * attempt.
	 */
	Duration waitAfter(int failures) {
		return failures <= this.retryAfter.size() ? this.retryAfter.get(failures - 1) : null;
	}

}
