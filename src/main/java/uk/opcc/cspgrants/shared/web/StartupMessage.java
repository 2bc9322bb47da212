package uk.opcc.cspgrants.shared.web;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.Dates;

/**
 * Tells whoever started the application which address to open, and, on the demo clock,
 * the demo's date and how to run on the real one.
 */
@Component
class StartupMessage implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

	private final Clock clock;

	private final boolean demoClock;

	StartupMessage(Clock clock, Environment environment) {
		this.clock = clock;
		this.demoClock = !DemoClock.start(environment).isBlank();
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if ("server".equals(event.getApplicationContext().getServerNamespace())
				|| event.getApplicationContext().getServerNamespace() == null) {
			log.info("CSP Grants is ready: open http://localhost:{}/ in a browser", event.getWebServer().getPort());
			if (this.demoClock) {
				log.info(
						"The demo runs on its own clock: it is now {} (the clock starts there at every start). "
								+ "To run the demo on today's date, start it with CSP_GRANTS_DEMO_CLOCK_START= (empty)",
						Dates.dayAndTime(this.clock.instant()));
			}
		}
	}

}
