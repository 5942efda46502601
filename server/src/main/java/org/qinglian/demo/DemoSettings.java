package org.qinglian.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo county's settings.
 *
 * @param loadOnFirstStart whether a server started on a database without users generates
 * and loads the demo county and its accounts (the README's run command turns it on)
 * @param accountsFile where the demo accounts' password is kept, owner-only
 */
@ConfigurationProperties("qinglian.demo")
record DemoSettings(@DefaultValue("false") boolean loadOnFirstStart,
		@DefaultValue("data/demo-accounts.txt") Path accountsFile) {
}
