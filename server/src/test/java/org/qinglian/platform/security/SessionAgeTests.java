package org.qinglian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A session lasts at most its absolute limit, however active (2 s here). */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "qinglian.test.database=session-age", "qinglian.security.session-max-age=2s" })
class SessionAgeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Exchange exchange;

	@Test
	void aSessionEndsAtItsAbsoluteLimitHoweverActive() throws Exception {
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		users.create(new NewUser("busy", "busy", "session-age-pass-1", Role.TOWNSHIP_STAFF, "330683101000"));
		MockHttpSession session = new MockHttpSession();
		var signIn = mvc
			.perform(post("/login").param("username", "busy")
				.param("password", "session-age-pass-1")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).endsWith("/staff");
		MockHttpSession signedIn = (MockHttpSession) signIn.getRequest().getSession();
		assertThat(mvc.perform(get("/staff").session(signedIn)).andReturn().getResponse().getStatus()).isEqualTo(200);
		Thread.sleep(2_500);
		assertThat(mvc.perform(get("/staff").session(signedIn)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login?expired");
	}

}
