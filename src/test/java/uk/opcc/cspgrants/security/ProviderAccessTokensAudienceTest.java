package uk.opcc.cspgrants.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider's access tokens are accepted only for this service: with an issuer set and
 * no audience the service refuses to start (a token signed for any other application of
 * the provider would otherwise pass).
 */
class ProviderAccessTokensAudienceTest {

	private static final String ISSUER = "https://login.microsoftonline.com/tenant/v2.0";

	private static final JwtDecoder DECODER = token -> {
		throw new JwtException("not used");
	};

	@Test
	void anIssuerWithoutAnAudienceStopsTheStartSayingWhatToSet() {
		assertThatThrownBy(() -> new ProviderAccessTokens(decoder(DECODER), null, ISSUER, List.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences is not set");
		assertThatThrownBy(() -> new ProviderAccessTokens(decoder(DECODER), null, ISSUER, List.of(" ")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void anAudienceOrNoIssuerAtAllStarts() {
		assertThat(new ProviderAccessTokens(decoder(DECODER), null, ISSUER, List.of("api://csp-grants")).accepted())
			.isTrue();
		assertThat(new ProviderAccessTokens(decoder(null), null, "", List.of()).accepted()).isFalse();
	}

	private static org.springframework.beans.factory.ObjectProvider<JwtDecoder> decoder(JwtDecoder decoder) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				(decoder != null) ? Map.of("jwtDecoder", decoder) : Map.of());
		return beans.getBeanProvider(JwtDecoder.class);
	}

}
