package uk.opcc.cspgrants.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who publishes the open data.
 *
 * @param prefix the 360Giving identifier prefix registered for the funder, after "360G-"
 * @param funderId the funder's organisation identifier
 * @param funderName the funder's name
 * @param programme the grant programme's title
 */
@ConfigurationProperties("csp-grants.open-data")
public record OpenDataProperties(@DefaultValue("opcc-leics") String prefix,
		@DefaultValue("GB-GOVUK-opcc-leicestershire") String funderId,
		@DefaultValue("Office of the Police and Crime Commissioner for Leicestershire") String funderName,
		@DefaultValue("Community Safety Grant") String programme) {
}
