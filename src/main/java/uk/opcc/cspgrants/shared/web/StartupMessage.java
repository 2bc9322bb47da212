package uk.opcc.cspgrants.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the application which address to open. */
@Component
class StartupMessage implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if ("server".equals(event.getApplicationContext().getServerNamespace())
				|| event.getApplicationContext().getServerNamespace() == null) {
			log.info("CSP Grants is ready: open http://localhost:{}/ in a browser", event.getWebServer().getPort());
		}
	}

}
