package uk.opcc.cspgrants.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The organisations' providers people may sign in with, as the sign-in page and the
 * mappings page name them: none when no provider is configured.
 */
@Component
class SignInProviders {

	private final List<SingleSignOn.Provider> all;

	SignInProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		this.all = (repository != null) ? SingleSignOn.providers(repository) : List.of();
	}

	List<SingleSignOn.Provider> all() {
		return this.all;
	}

}
