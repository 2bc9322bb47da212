package uk.opcc.cspgrants.security;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that second-factor secrets are sealed with in the database (AES-256-GCM), so
 * that a copy of the database (a backup, a read replica, a leaked dump) does not give the
 * codes of anyone's authenticator app.
 *
 * @param key the key: 32 random bytes in Base64 (for example
 * {@code openssl rand -base64 32}), the same on every node
 * @param keyFile where the key is kept when none is given: made with a new key at the
 * first start (readable by the service's user only). {@code -} where a key must be given,
 * as in {@code prod}, where several nodes must share it
 * @param previousKeys keys used before, while secrets sealed with them are sealed again
 * with {@code key} (at each start)
 */
@ConfigurationProperties("csp-grants.second-factor.secrets")
public record SecondFactorKeyProperties(String key, @DefaultValue("./data/second-factor.key") Path keyFile,
		@DefaultValue List<String> previousKeys) {

}
