package org.qinglian.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.qinglian.platform.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The README's run command ({@code ./mvnw spring-boot:run}) turns on
 * {@code qinglian.demo.load-on-first-start}: on the first start (no user yet) it loads
 * the demo county with its accounts, so that a new user sees a working platform. A plain
 * {@code serve} on a database without users creates none and says how to make the first
 * administrator.
 */
@Component
@Profile("!cli")
@ConditionalOnWebApplication
class DemoOnFirstStart {

	private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

	private final DemoCounty demo;

	private final UserAccounts users;

	private final boolean enabled;

	private final Path accountsFile;

	DemoOnFirstStart(DemoCounty demo, UserAccounts users, DemoSettings settings) {
		this.demo = demo;
		this.users = users;
		this.enabled = settings.loadOnFirstStart();
		this.accountsFile = settings.accountsFile();
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void onReady() throws IOException {
		if (users.anyUser()) {
			if (enabled && Files.exists(accountsFile)) {
				System.out.println("Demo accounts: see " + accountsFile);
			}
			return;
		}
		if (!enabled) {
			System.out.println("No user yet. Make the first administrator (after importing the county's bundle):");
			System.out.println("  java -jar qinglian.jar admin create NAME");
			return;
		}
		log.info("First start: generating and loading the demo county");
		demo.loadDefault(System.out);
	}

}
