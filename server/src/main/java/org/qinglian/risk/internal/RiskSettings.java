package org.qinglian.risk.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the risk library runs.
 *
 * @param scanAfterImport whether every import is followed by a scan (a Modulith event);
 * off in tests that load data only
 */
@ConfigurationProperties("qinglian.risk")
record RiskSettings(@DefaultValue("true") boolean scanAfterImport) {
}
