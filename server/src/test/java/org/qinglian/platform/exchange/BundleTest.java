package org.qinglian.platform.exchange;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.qinglian.IntegrationTest;
import org.qinglian.platform.Exchange;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test of bundles going in and out: the whole application, its {@link Exchange}, the
 * database to look at what was written, and a folder of its own for the bundles.
 */
@IntegrationTest
abstract class BundleTest {

	@Autowired
	Exchange exchange;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path tmp;

}
