package org.qinglian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a reverse proxy, over real HTTP: the client's address is taken from the proxy's
 * header only when the proxy is trusted, the session cookie is {@code Secure} when the
 * proxy says the client used TLS, and every read of a village's books through the API is
 * audited with who and from where.
 */
class ProxyHeadersTests {

	static final String PASSWORD = "proxy-test-pass-1";

	abstract static class Base {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		Exchange exchange;

		@Autowired
		UserAccounts users;

		final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

		@BeforeEach
		void county() {
			if (jdbc.sql("select count(*) from jur_region").query(Long.class).single() == 0) {
				exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
				users.create(new NewUser("proxied", "proxied", PASSWORD, Role.TOWNSHIP_STAFF, "330683101000"));
			}
		}

		HttpResponse<String> vouchers(String forwardedFor) throws Exception {
			String basic = Base64.getEncoder().encodeToString(("proxied:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/regions/330683101201/vouchers?limit=5"))
				.header("Authorization", "Basic " + basic)
				.header("X-Forwarded-For", forwardedFor)
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		List<String> lastApiRead() {
			return jdbc.sql("""
					select actor || ' ' || remote_addr || ' ' || target_id from plt_audit_log
					where action = 'api_view_vouchers' order by seq desc limit 1""").query(String.class).list();
		}

	}

	@Nested
	// the sessions in the database, as the platform keeps them
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "spring.autoconfigure.exclude=org.springframework.modulith.runtime.autoconfigure.SpringModulithRuntimeAutoConfiguration")
	@ActiveProfiles("test")
	class ATrustedProxy extends Base {

		@Test
		void namesTheClientAndEveryApiReadOfTheBooksIsAudited() throws Exception {
			assertThat(vouchers("203.0.113.7").statusCode()).isEqualTo(200);
			assertThat(lastApiRead()).containsExactly("proxied 203.0.113.7 330683101201");
		}

		@Test
		void makesTheSessionCookieSecureWhenTheClientUsedTls() throws Exception {
			HttpResponse<String> page = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
					.header("X-Forwarded-Proto", "https")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
				.contains("Secure")
				.contains("HttpOnly")
				.contains("SameSite=Lax"));
			HttpResponse<String> plain = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "server.tomcat.remoteip.internal-proxies=10\\.9\\.9\\.9")
	@ActiveProfiles("test")
	class AnUntrustedProxy extends Base {

		@Test
		void cannotNameAnotherClient() throws Exception {
			assertThat(vouchers("203.0.113.7").statusCode()).isEqualTo(200);
			assertThat(lastApiRead()).containsExactly("proxied 127.0.0.1 330683101201");
		}

	}

}
