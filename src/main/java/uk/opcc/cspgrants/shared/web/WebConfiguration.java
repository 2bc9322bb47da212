package uk.opcc.cspgrants.shared.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.TemplateEngine;
import org.webjars.WebJarVersionLocator;

/**
 * Static assets of GOV.UK Frontend, and the clock every feature reads the time from (the
 * only source of "now": never {@code LocalDate.now()} without it).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * The real clock; or, in the demo profile when {@code csp-grants.demo.clock.start} is
	 * set (the profile sets it), a clock that starts at that moment each time the
	 * application starts and runs on from there, so that the demo data always looks the
	 * same.
	 */
	@Bean
	Clock clock(Environment environment) {
		return DemoClock.of(DemoClock.start(environment), Clock.systemUTC());
	}

	/** See {@link ThymeleafLocks}: before the first request, never during one. */
	@Bean
	SmartInitializingSingleton nonFairThymeleafLocks(ObjectProvider<TemplateEngine> engines) {
		return () -> engines.ifAvailable(ThymeleafLocks::makeNonFair);
	}

	/**
	 * Tomcat copies a response to the socket through a buffer of 8 KB by default: a 670
	 * KB report page took 84 writes. A larger one takes a few.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer(
			@Value("${csp-grants.socket-write-buffer:64KB}") DataSize size) {
		return factory -> factory.addConnectorCustomizers(
				connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes())));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RequestLoggingFilter.UserNoter());
	}

	/**
	 * The static files, each under its own path: the WebJars (asked for without their
	 * version), the application's stylesheet and scripts, and GOV.UK Frontend's fonts and
	 * images under {@code /assets/}, where its compiled stylesheet asks for them.
	 * <p>
	 * Spring Boot's catch-all {@code /**} mapping is switched off
	 * ({@code spring.web.resources.add-mappings=false}): with it, every link on a page
	 * was looked up as a file in the jar before being written, which cost more than the
	 * rest of a 300-partnership report. Every handler has a caching resource chain, so
	 * that writing a page's links to them (ResourceUrlEncodingFilter) looks each up once,
	 * not on every page.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		String version = new WebJarVersionLocator().version("govuk-frontend");
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(
					"classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/")
			.resourceChain(true);
	}

}
