package org.qinglian.demo;

import org.qinglian.platform.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start of the web platform (no user yet) loads the demo county, so that a
 * new user sees a working platform; then prints the address and the demo accounts.
 */
@Component
@Profile("!cli")
class DemoOnFirstStart {

	private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

	private final DemoCounty demo;

	private final UserAccounts users;

	private final boolean enabled;

	private final Environment env;

	DemoOnFirstStart(DemoCounty demo, UserAccounts users,
			@Value("${qinglian.demo.load-on-first-start:true}") boolean enabled, Environment env) {
		this.demo = demo;
		this.users = users;
		this.enabled = enabled;
		this.env = env;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() throws java.io.IOException {
		if (!enabled) {
			return;
		}
		boolean firstStart = !users.anyUser();
		if (firstStart) {
			log.info("First start: generating and loading the demo county");
			demo.loadDefault(System.out);
		}
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		System.out.println();
		System.out.println("Qinglian is running at http://localhost:" + port + "/");
		if (!firstStart) {
			System.out.println("Demo accounts, if the demo county is loaded (password " + DemoCounty.DEMO_PASSWORD
					+ "): admin, county, township, township2, monitor, cadre, custodian, auditor");
		}
	}

}
