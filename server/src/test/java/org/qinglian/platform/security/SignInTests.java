package org.qinglian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Who gets in, and for how long: as a person at the sign-in page meets it. */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "qinglian.test.database=sign-in")
class SignInTests {

	static final String PASSWORD = SampleCounty.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Exchange exchange;

	@Autowired
	Registry registry;

	@Autowired
	SampleCounty county;

	@BeforeEach
	void county() {
		county.loaded();
	}

	void ensure(String username, Role role, String region) {
		county.withUser(username, role, region);
	}

	MockHttpSession signIn(String username, String password) throws Exception {
		var result = mvc
			.perform(post("/login").param("username", username)
				.param("password", password)
				.session(new MockHttpSession())
				.with(csrf())
				.with(from("10.9.9." + Math.abs(username.hashCode() % 200))))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("signed in as " + username).endsWith("/staff");
		// the session the sign-in made (a new one: its creation is the sign-in's)
		return (MockHttpSession) result.getRequest().getSession();
	}

	/** A request from another address (each test's failures stay its own). */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void anAddressIsLockedAfterManyFailuresOfAnyAccounts() throws Exception {
		ensure("office1", Role.TOWNSHIP_STAFF, "330683101000");
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/login").param("username", "guess" + i)
				.param("password", "wrong")
				.with(csrf())
				.with(from("10.2.2.2")));
		}
		assertThat(mvc
			.perform(post("/login").param("username", "office1")
				.param("password", PASSWORD)
				.with(csrf())
				.with(from("10.2.2.2")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).contains("/login?locked=");
		assertThat(mvc
			.perform(post("/login").param("username", "office1")
				.param("password", PASSWORD)
				.with(csrf())
				.with(from("10.3.3.3")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/staff");
	}

	long audited(String action, String target) {
		return jdbc.sql("select count(*) from plt_audit_log where action = ? and target_id = ?")
			.params(action, target)
			.query(Long.class)
			.single();
	}

	@Test
	void repeatedFailuresLockTheAccountEvenAgainstTheRightPasswordAndAreAudited() throws Exception {
		ensure("locked", Role.TOWNSHIP_STAFF, "330683101000");
		for (int i = 0; i < 5; i++) {
			String url = mvc
				.perform(post("/login").param("username", "locked")
					.param("password", "wrong-" + i)
					.with(csrf())
					.with(from("10.1.1." + i)))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(url).contains("/login?error");
		}
		String locked = mvc.perform(post("/login").param("username", "locked").param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(locked).contains("/login?locked=");
		// nor by another spelling of the path, nor of the name
		for (var attempt : List.of(post(URI.create("/log%69n")).param("username", "locked"),
				post("/login").param("username", "locked "), post("/login").param("username", " locked"))) {
			String url = mvc.perform(attempt.param("password", PASSWORD).with(csrf()).with(from("10.1.1.98")))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(String.valueOf(url)).as("a locked account stays locked").doesNotEndWith("/staff");
		}
		assertThat(mvc.perform(get("/login?locked=1")).andReturn().getResponse().getContentAsString())
			.contains("登录失败次数过多");
		assertThat(audited("sign_in_failed", "locked")).isEqualTo(5);
		assertThat(audited("sign_in_locked", "locked")).isEqualTo(1);
		// the API's HTTP Basic counts and is locked alike
		assertThat(mvc
			.perform(get("/api/v1/regions").with(SecurityMockMvcRequestPostProcessors.httpBasic("locked", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(429);
	}

	@Test
	void aPasswordAnAdministratorSetMustBeChangedAtFirstSignIn() throws Exception {
		ensure("boss", Role.COUNTY_ADMIN, "330683000000");
		mvc.perform(post("/admin/users").param("username", "newbie")
			.param("displayName", "新人")
			.param("password", "first-Pass-2026")
			.param("role", "township_staff")
			.param("regionCode", "330683101000")
			.with(csrf())
			.with(user(userDetails.loadUserByUsername("boss"))));
		assertThat(users.exists("newbie")).isTrue();
		MockHttpSession session = signIn("newbie", "first-Pass-2026");
		assertThat(mvc.perform(get("/staff").session(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/account/password");
		assertThat(mvc.perform(get("/api/v1/regions").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		String changed = mvc
			.perform(post("/account/password").param("currentPassword", "first-Pass-2026")
				.param("newPassword", "my-own-Pass-77")
				.param("repeatPassword", "my-own-Pass-77")
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(changed).endsWith("/login?changed");
		MockHttpSession again = signIn("newbie", "my-own-Pass-77");
		assertThat(mvc.perform(get("/staff").session(again)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(audited("change_password", "newbie")).isEqualTo(1);
		assertThat(audited("sign_in", "newbie")).isEqualTo(2);
	}

	@Test
	void disablingAUserOrChangingTheirRoleEndsTheirSessionsAtOnce() throws Exception {
		ensure("boss", Role.COUNTY_ADMIN, "330683000000");
		ensure("leaving", Role.TOWNSHIP_STAFF, "330683101000");
		ensure("moving", Role.TOWNSHIP_STAFF, "330683101000");
		MockHttpSession leaving = signIn("leaving", PASSWORD);
		MockHttpSession moving = signIn("moving", PASSWORD);
		assertThat(mvc.perform(get("/staff/findings").session(leaving)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		var boss = user(userDetails.loadUserByUsername("boss"));
		mvc.perform(post("/admin/users/leaving/enabled").param("enabled", "false").with(csrf()).with(boss));
		mvc.perform(post("/admin/users/edit").param("username", "moving")
			.param("displayName", "moving")
			.param("role", "village_cadre")
			.param("regionCode", "330683101201")
			.with(csrf())
			.with(boss));
		assertThat(mvc.perform(get("/staff/findings").session(leaving)).andReturn().getResponse().getRedirectedUrl())
			.contains("/login");
		assertThat(mvc.perform(get("/staff/findings").session(moving)).andReturn().getResponse().getRedirectedUrl())
			.contains("/login");
		assertThat(mvc.perform(post("/login").param("username", "leaving").param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).contains("error");
	}

	@Test
	void aSignOutIsAuditedAndEndsTheSession() throws Exception {
		ensure("leaver", Role.TOWNSHIP_STAFF, "330683101000");
		MockHttpSession session = signIn("leaver", PASSWORD);
		mvc.perform(post("/logout").session(session).with(csrf()));
		assertThat(audited("sign_out", "leaver")).isEqualTo(1);
		assertThat(mvc.perform(get("/staff").session(session)).andReturn().getResponse().getRedirectedUrl())
			.contains("/login");
	}

	@Test
	void aSessionBegunBeforeTheAccountChangedEndsEvenIfNoOneEndedIt() throws Exception {
		ensure("raced", Role.TOWNSHIP_STAFF, "330683101000");
		MockHttpSession session = signIn("raced", PASSWORD);
		assertThat(mvc.perform(get("/staff").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		// as if a change committed while this sign-in was being checked
		jdbc.sql("update plt_user set changed_at = now() + interval '1 second' where username = 'raced'").update();
		assertThat(mvc.perform(get("/staff").session(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login?expired");
		// a sign-in after the change is not ended by it
		jdbc.sql("update plt_user set changed_at = now() - interval '1 second' where username = 'raced'").update();
		MockHttpSession again = signIn("raced", PASSWORD);
		assertThat(mvc.perform(get("/staff").session(again)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anAccountChangedWhileItsSignInPageWasOpenStillSignsIn() throws Exception {
		ensure("slowtyper", Role.TOWNSHIP_STAFF, "330683101000");
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get("/login").session(session));
		Thread.sleep(20);
		jdbc.sql("update plt_user set changed_at = now() where username = 'slowtyper'").update();
		Thread.sleep(20);
		var signIn = mvc
			.perform(post("/login").param("username", "slowtyper")
				.param("password", PASSWORD)
				.session(session)
				.with(csrf())
				.with(from("10.9.8.7")))
			.andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).endsWith("/staff");
		MockHttpSession signedIn = (MockHttpSession) signIn.getRequest().getSession();
		assertThat(mvc.perform(get("/staff").session(signedIn)).andReturn().getResponse().getStatus())
			.as("the session of the sign-in began after the change")
			.isEqualTo(200);
	}

	@Test
	void anAdministratorDoesNotChangeTheirOwnAccount() throws Exception {
		ensure("selfish", Role.COUNTY_ADMIN, "330683000000");
		var me = user(userDetails.loadUserByUsername("selfish"));
		var refused = mvc
			.perform(post("/admin/users/edit").param("username", "selfish")
				.param("displayName", "selfish")
				.param("role", "county_admin")
				.param("regionCode", "330683000000")
				.param("personId", "")
				.with(csrf())
				.with(me))
			.andReturn();
		assertThat(refused.getFlashMap().get("problemKey")).isEqualTo("account.self");
		assertThat(mvc
			.perform(post("/admin/users/selfish/password").param("password", "self-Reset-2026!").with(csrf()).with(me))
			.andReturn()
			.getFlashMap()
			.get("problemKey")).isEqualTo("account.self");
	}

	@Test
	void aTownshipAdministratorManagesTheTownshipOnly() throws Exception {
		ensure("tadmin", Role.COUNTY_ADMIN, "330683101000");
		ensure("countyboss", Role.COUNTY_ADMIN, "330683000000");
		ensure("neighbour", Role.TOWNSHIP_STAFF, "330683102000");
		ensure("local", Role.TOWNSHIP_STAFF, "330683101000");
		var tadmin = user(userDetails.loadUserByUsername("tadmin"));
		String hashBefore = jdbc.sql("select password_hash from plt_user where username = 'countyboss'")
			.query(String.class)
			.single();
		for (String target : List.of("countyboss", "neighbour")) {
			assertThat(mvc
				.perform(post("/admin/users/" + target + "/password").param("password", "taken-Over-2026")
					.with(csrf())
					.with(tadmin))
				.andReturn()
				.getResponse()
				.getStatus()).as(target).isEqualTo(404);
			assertThat(mvc
				.perform(
						post("/admin/users/" + target + "/enabled").param("enabled", "false").with(csrf()).with(tadmin))
				.andReturn()
				.getResponse()
				.getStatus()).as(target).isEqualTo(404);
		}
		// "creating" an existing user again takes nothing over
		mvc.perform(post("/admin/users").param("username", "countyboss")
			.param("displayName", "x")
			.param("password", "taken-Over-2026")
			.param("role", "county_admin")
			.param("regionCode", "330683101000")
			.with(csrf())
			.with(tadmin));
		assertThat(jdbc.sql("select password_hash from plt_user where username = 'countyboss'")
			.query(String.class)
			.single()).isEqualTo(hashBefore);
		// nor makes an administrator, who could be themself without their recusal
		assertThat(mvc
			.perform(post("/admin/users").param("username", "second_me")
				.param("displayName", "x")
				.param("password", "second-Me-2026!")
				.param("role", "county_admin")
				.param("regionCode", "330683101000")
				.with(csrf())
				.with(tadmin))
			.andReturn()
			.getFlashMap()
			.get("problemKey")).isEqualTo("account.role.admin");
		assertThat(users.exists("second_me")).isFalse();
		// nor moves a user above the township
		assertThat(mvc
			.perform(post("/admin/users/edit").param("username", "local")
				.param("displayName", "local")
				.param("role", "county_staff")
				.param("regionCode", "330683000000")
				.with(csrf())
				.with(tadmin))
			.andReturn()
			.getFlashMap()
			.get("problemKey")).isEqualTo("account.region.outside");
		assertThat(jdbc.sql("select region_code from plt_user where username = 'local'").query(String.class).single())
			.isEqualTo("330683101000");
		assertThat(jdbc.sql("select enabled from plt_user where username = 'neighbour'").query(Boolean.class).single())
			.isTrue();
		// and the service says so too, below the web
		var context = SecurityContextHolder.createEmptyContext();
		var details = userDetails.loadUserByUsername("tadmin");
		context.setAuthentication(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			assertThatThrownBy(() -> users.setEnabled("neighbour", false))
				.isInstanceOf(Scope.NotInScopeException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void badInputToTheUserFormIsSaidInTheUsersLanguage() throws Exception {
		ensure("boss", Role.COUNTY_ADMIN, "330683000000");
		var boss = user(userDetails.loadUserByUsername("boss"));
		var unknownRole = mvc
			.perform(post("/admin/users").param("username", "someone")
				.param("displayName", "x")
				.param("password", "good-Pass-2026")
				.param("role", "emperor")
				.param("regionCode", "330683101000")
				.with(csrf())
				.with(boss))
			.andReturn();
		assertThat(unknownRole.getFlashMap().get("problemKey")).isEqualTo("account.role");
		var longName = mvc
			.perform(post("/admin/users").param("username", "someone")
				.param("displayName", "名".repeat(101))
				.param("password", "good-Pass-2026")
				.param("role", "township_staff")
				.param("regionCode", "330683101000")
				.with(csrf())
				.with(boss))
			.andReturn();
		assertThat(longName.getFlashMap().get("problemKey")).isEqualTo("account.displayName.long");
		String rolePage = mvc.perform(get("/admin/users").flashAttrs(unknownRole.getFlashMap()).with(boss))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rolePage).contains("请选择角色").doesNotContain("No enum constant");
		String page = mvc.perform(get("/admin/users").flashAttrs(longName.getFlashMap()).with(boss))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("姓名最多 100 个字").doesNotContain("Exception");
	}

	@Test
	void theHeadersKeepPagesInTheirPlace() throws Exception {
		MockHttpServletResponse r = mvc.perform(get("/")).andReturn().getResponse();
		assertThat(r.getHeader("Content-Security-Policy")).contains("base-uri 'self'")
			.contains("form-action 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(r.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(r.getHeader("Permissions-Policy")).contains("camera=()");
	}

	@Test
	void theFirstAdministratorIsMadeOnTheCommandLineWithAStrongPassword() throws Exception {
		var weak = new AdminCommand(users, registry, out -> "abcdefghijkl");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errs = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertThat(weak.run(List.of("create", "chief"), System.out, errs)).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("password: mix letters");
		var strong = new AdminCommand(users, registry, out -> "Kq7-Pw9!zx2m");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(strong.run(List.of("create", "chief"), new PrintStream(out, true, StandardCharsets.UTF_8), errs))
			.isZero();
		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains("Created chief (county_admin) for region 330683000000");
		assertThat(jdbc.sql("select must_change_password from plt_user where username = 'chief'")
			.query(Boolean.class)
			.single()).isFalse();
		err.reset();
		assertThat(strong.run(List.of("create", "chief"), System.out, errs)).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("is taken");
	}

}
