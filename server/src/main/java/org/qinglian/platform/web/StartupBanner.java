package org.qinglian.platform.web;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The one line a person starting the server looks for. */
@Component
@Profile("!cli")
@ConditionalOnWebApplication
class StartupBanner {

	private final Environment env;

	StartupBanner(Environment env) {
		this.env = env;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	void ready() {
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		System.out.println();
		System.out.println("Qinglian is running at http://localhost:" + port + "/");
	}

}
