package org.qinglian.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qinglian.QinglianApplication;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Broadcasts;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;
import org.qinglian.platform.db.ExternalPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the platform on one PostgreSQL, as behind a load balancer: a user
 * signed in on one is served by the other, a scheduled job runs on one at a time, word of
 * a change reaches the other's caches when (and only if) it commits, and imports on both
 * take turns.
 */
class ClusterTests {

	static final String PASSWORD = "cluster-test-pass-1";

	static ExternalPostgres server;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void twoInstances() throws Exception {
		server = ExternalPostgres.start();
		String url = server.createDatabase("cluster");
		Path shared = Files.createTempDirectory("qinglian-cluster");
		a = instance(url, shared);
		b = instance(url, shared);
		a.getBean(Exchange.class).importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		a.getBean(UserAccounts.class)
			.create(new NewUser("clustered", "集群用户", PASSWORD, Role.TOWNSHIP_STAFF, SampleCounty.GANLIN));
		a.getBean(UserAccounts.class)
			.create(new NewUser("clustered2", "集群用户二", PASSWORD, Role.TOWNSHIP_STAFF, SampleCounty.GANLIN));
		a.getBean(UserAccounts.class)
			.create(new NewUser("clustered3", "集群用户三", PASSWORD, Role.TOWNSHIP_STAFF, SampleCounty.GANLIN));
		a.getBean(UserAccounts.class)
			.create(new NewUser("clusteradmin", "集群管理员", PASSWORD, Role.COUNTY_ADMIN, SampleCounty.COUNTY));
	}

	static ConfigurableApplicationContext instance(String url, Path shared) {
		// as arguments: they override the test profile's own folders
		return new SpringApplicationBuilder(QinglianApplication.class).profiles("test")
			.properties(server.settings(url))
			.run("--spring.autoconfigure.exclude=org.springframework.modulith.runtime.autoconfigure.SpringModulithRuntimeAutoConfiguration",
					"--server.port=0", "--qinglian.keys.dir=" + shared.resolve("keys"),
					"--qinglian.audit.checkpoint-dir=" + shared.resolve("audit"),
					"--qinglian.jobs.event-retry-every=1s", "--qinglian.jobs.lock-at-least=30s");
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] { b, a }) {
			if (c != null) {
				c.close();
			}
		}
		if (server != null) {
			server.close();
		}
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void aSignInOnOneInstanceIsServedByTheOther() throws Exception {
		String session = signedIn(a, "clustered");

		HttpResponse<String> onB = http.send(HttpRequest.newBuilder(uri(b, "/staff")).header("Cookie", session).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(onB.statusCode()).as("the other instance knows the session").isEqualTo(200);
		assertThat(onB.body()).as("the user signed in on A").contains("clustered（");
		HttpResponse<String> stranger = http.send(
				HttpRequest.newBuilder(uri(b, "/staff")).header("Cookie", "SESSION=bm90LWEtc2Vzc2lvbg").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(stranger.statusCode()).isEqualTo(302);

		// signed out on B: gone on A too
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(uri(b, "/staff")).header("Cookie", session).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		http.send(HttpRequest.newBuilder(uri(b, "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", session)
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> afterwards = http.send(
				HttpRequest.newBuilder(uri(a, "/staff")).header("Cookie", session).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("/login"));
	}

	@Test
	void failedSignInsCountOnEveryInstance() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(i % 2 == 0 ? a : b, "clustered2", "wrong-guess-" + i)).contains("/login?error");
		}
		assertThat(signIn(a, "clustered2", PASSWORD)).as("locked after five failures on two instances")
			.contains("/login?locked");
		assertThat(signIn(b, "clustered2", PASSWORD)).contains("/login?locked");
	}

	/** Signs in through the form, with its CSRF token: the answer (a redirect). */
	HttpResponse<String> signingIn(ConfigurableApplicationContext instance, String username, String password)
			throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri(instance, "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as("the sign-in form carries its CSRF token").isTrue();
		return http.send(HttpRequest.newBuilder(uri(instance, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie(form))
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Where a sign-in sends the browser. */
	String signIn(ConfigurableApplicationContext instance, String username, String password) throws Exception {
		return signingIn(instance, username, password).headers().firstValue("Location").orElse("");
	}

	@Test
	void aJobRunsOnOneInstanceAtATime() throws Exception {
		Jobs onA = a.getBean(Jobs.class);
		Jobs onB = b.getBean(Jobs.class);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
				() -> onA.run("probe", java.time.Duration.ofMillis(100), java.time.Duration.ofMinutes(1), () -> {
					running.countDown();
					await(release);
				}));
		assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(onB.run("probe", java.time.Duration.ofMillis(100), java.time.Duration.ofMinutes(1), () -> {
		})).as("the other instance skips a job that runs").isFalse();
		release.countDown();
		assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();

		// the event-retries job, due every second on both instances: one run a second
		// in all, never two at once
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		Thread.sleep(4000);
		List<long[]> runs = jdbc.sql("""
				select extract(epoch from started_at) * 1000, extract(epoch from coalesce(finished_at, now())) * 1000
				from plt_job_run where job = 'event-retries' order by started_at""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
		for (int i = 1; i < runs.size(); i++) {
			assertThat(runs.get(i)[0] - runs.get(i - 1)[0]).as("runs %d and %d", i - 1, i).isGreaterThanOrEqualTo(450);
		}
		long span = runs.get(runs.size() - 1)[0] - runs.get(0)[0];
		assertThat(runs.size()).as("one run a period in %d ms, not one an instance", span)
			.isLessThanOrEqualTo((int) (span / 1000) + 2);
	}

	@Test
	void wordOfAChangeReachesTheOtherInstanceWhenItCommits() throws Exception {
		CountDownLatch heard = new CountDownLatch(1);
		CountDownLatch rolledBack = new CountDownLatch(1);
		b.getBean(Broadcasts.class).listen("cluster-test", heard::countDown);
		b.getBean(Broadcasts.class).listen("cluster-test-rollback", rolledBack::countDown);
		TransactionTemplate tx = new TransactionTemplate(a.getBean(PlatformTransactionManager.class));
		tx.executeWithoutResult(status -> {
			a.getBean(Broadcasts.class).send("cluster-test-rollback");
			status.setRollbackOnly();
		});
		tx.executeWithoutResult(status -> a.getBean(Broadcasts.class).send("cluster-test"));
		assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(rolledBack.await(1, TimeUnit.SECONDS)).as("nothing heard of a rolled back change").isFalse();

		// a public page cached on B is drawn again once A commits a change that empties
		// the cache
		String village = "/public/villages/330683101201";
		String before = http.send(HttpRequest.newBuilder(uri(b, village)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(before).doesNotContain("集群改名村");
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		String name = jdbc.sql("select name from jur_region where region_code = '330683101201'")
			.query(String.class)
			.single();
		assertThat(before).contains(name);
		// changed without word to anyone: B keeps its page
		jdbc.sql("update jur_region set name = '集群改名村' where region_code = '330683101201'").update();
		assertThat(
				http.send(HttpRequest.newBuilder(uri(b, village)).build(), HttpResponse.BodyHandlers.ofString()).body())
			.as("cached on B")
			.doesNotContain("集群改名村");
		tx.executeWithoutResult(status -> a.publishEvent(new BundleImported(-1, Set.of("regions.csv"))));
		long deadline = System.nanoTime() + 10_000_000_000L;
		String after = "";
		while (System.nanoTime() < deadline && !after.contains("集群改名村")) {
			after = http.send(HttpRequest.newBuilder(uri(b, village)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Thread.sleep(100);
		}
		assertThat(after).as("drawn again on B").contains("集群改名村");
		jdbc.sql("update jur_region set name = ? where region_code = '330683101201'").param(name).update();
	}

	@Test
	void importsOnTwoInstancesTakeTurns() throws Exception {
		// an import on A whose transaction stays open: B's import waits for it, even
		// one that would find nothing to read
		CountDownLatch imported = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		TransactionTemplate tx = new TransactionTemplate(a.getBean(PlatformTransactionManager.class));
		CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
			a.getBean(Exchange.class).importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
			imported.countDown();
			await(release);
		}));
		assertThat(imported.await(60, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Exchange.ImportReport> onB = CompletableFuture
			.supplyAsync(() -> b.getBean(Exchange.class).importBundle(SampleCounty.bundle(), Exchange.Progress.NONE));
		Thread.sleep(3000);
		assertThat(onB).as("B's import waits for A's").isNotDone();
		release.countDown();
		onA.get(60, TimeUnit.SECONDS);
		assertThat(onB.get(60, TimeUnit.SECONDS).rowsChanged()).isZero();
	}

	@Test
	void disablingAnAccountOnOneInstanceEndsItsSessionsOnAll() throws Exception {
		String session = signedIn(a, "clustered3");
		assertThat(get(b, "/staff", session).statusCode()).isEqualTo(200);
		String admin = signedIn(a, "clusteradmin");
		HttpResponse<String> page = get(a, "/admin/users", admin);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> disabled = http.send(HttpRequest.newBuilder(uri(a, "/admin/users/clustered3/enabled"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", admin)
			.POST(HttpRequest.BodyPublishers.ofString("enabled=false&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(a.getBean(JdbcClient.class)
			.sql("select enabled from plt_user where username = 'clustered3'")
			.query(Boolean.class)
			.single()).isFalse();
		HttpResponse<String> onB = get(b, "/staff", session);
		assertThat(onB.statusCode()).as("the session is gone on B too").isEqualTo(302);
		assertThat(a.getBean(JdbcClient.class)
			.sql("select count(*) from spring_session where principal_name = 'clustered3'")
			.query(Long.class)
			.single()).isZero();
		assertThat(a.getBean(JdbcClient.class)
			.sql("select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id "
					+ "where s.principal_name = 'clusteradmin' and position(convert_to('{bcrypt}', 'UTF8') in a.attribute_bytes) > 0")
			.query(Long.class)
			.single()).as("no password hash kept in a session").isZero();
	}

	HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String cookie) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(instance, path)).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in with the right password: the session cookie. */
	String signedIn(ConfigurableApplicationContext instance, String username) throws Exception {
		HttpResponse<String> signIn = signingIn(instance, username, PASSWORD);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff"));
		return cookie(signIn);
	}

	static URI uri(ConfigurableApplicationContext context, String path) {
		return URI.create("http://127.0.0.1:" + port(context) + path);
	}

	static String cookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
