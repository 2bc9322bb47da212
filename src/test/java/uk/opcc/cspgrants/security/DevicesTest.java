package uk.opcc.cspgrants.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser and system a person reads for each of their sessions, from real user
 * agents.
 */
class DevicesTest {

	@Test
	void realUserAgentsInWords() {
		assertThat(Devices.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"))
			.isEqualTo("Edge on Windows");
		assertThat(Devices.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36"))
			.isEqualTo("Chrome on Windows");
		assertThat(Devices
			.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 " + "Firefox/133.0"))
			.isEqualTo("Firefox on a Mac");
		assertThat(Devices.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
				+ "like Gecko) Version/18.1 Safari/605.1.15"))
			.isEqualTo("Safari on a Mac");
		assertThat(Devices.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"))
			.isEqualTo("Safari on an iPhone");
		assertThat(Devices.describe("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"))
			.isEqualTo("Samsung Internet on Android");
		assertThat(Devices.describe("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "HeadlessChrome/131.0.0.0 Safari/537.36"))
			.isEqualTo("Chrome on Linux");
		assertThat(Devices.describe("curl/8.11.0")).isEqualTo("curl");
		assertThat(Devices.describe("")).isEqualTo("An unknown browser");
		assertThat(Devices.describe(null)).isEqualTo("An unknown browser");
		assertThat(Devices.describe("SomethingElse/1.0 (Windows NT 10.0)")).isEqualTo("A browser on Windows");
	}

}
