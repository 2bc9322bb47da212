package uk.opcc.cspgrants.security;

import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.identityprovider.IdentityProvider;

/**
 * One OpenID Connect provider running in the test and one application that trusts it (for
 * people signing in, and for machine clients' access tokens), started once for the test
 * classes that need them and stopped when the tests' JVM ends: each start costs a Spring
 * context and a database.
 *
 * @param provider the provider
 * @param application the application
 * @param base the application's address, at 127.0.0.1: a provider accepts a loopback
 * redirect only by address
 */
record ProviderAndApplication(IdentityProvider provider, LiveApplication application, String base) {

	private static ProviderAndApplication started;

	static synchronized ProviderAndApplication started() {
		if (started == null) {
			IdentityProvider provider = IdentityProvider.start();
			LiveApplication application = LiveApplication.start("single_sign_on", provider.applicationArguments());
			String base = "http://127.0.0.1:" + application.port();
			provider.register(base);
			started = new ProviderAndApplication(provider, application, base);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				application.close();
				provider.close();
			}));
		}
		return started;
	}

}
