package org.qinglian.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and session limits.
 *
 * @param sessionMaxAge how long a session lasts at most, however active (the idle limit
 * is {@code server.servlet.session.timeout})
 * @param failuresBeforeLock failed sign-ins of one account before it is locked
 * @param addressFailuresBeforeLock failed sign-ins from one address (of any accounts)
 * before it is locked: higher, as an office signs in from one address
 * @param firstLock how long the first lock lasts; each further lock doubles it
 * @param longestLock the longest lock
 */
@ConfigurationProperties("qinglian.security")
public record SecuritySettings(@DefaultValue("12h") Duration sessionMaxAge, @DefaultValue("5") int failuresBeforeLock,
		@DefaultValue("20") int addressFailuresBeforeLock, @DefaultValue("1m") Duration firstLock,
		@DefaultValue("1h") Duration longestLock) {
}
