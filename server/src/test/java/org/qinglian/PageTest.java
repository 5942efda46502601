package org.qinglian;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A test of pages and endpoints: the whole application, requests through
 * {@link MockMvcTester} (with the security filters), the {@link SampleCounty} and the
 * database at hand.
 */
@IntegrationTest
@AutoConfigureMockMvc
public abstract class PageTest {

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected SampleCounty county;

	@Autowired
	protected JdbcClient jdbc;

}
