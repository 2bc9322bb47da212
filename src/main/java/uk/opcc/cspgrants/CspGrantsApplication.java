package uk.opcc.cspgrants;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * CSP Grants: how an Office of the Police and Crime Commissioner funds its Community
 * Safety Partnerships.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CspGrantsApplication {

	public static void main(String[] args) {
		SpringApplication.run(CspGrantsApplication.class, args);
	}

}
