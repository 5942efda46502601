package org.qinglian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.Installation;
import org.qinglian.platform.Registry;
import org.qinglian.platform.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo county's accounts: a password made for the installation, never a known one.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@TestPropertySource(properties = "qinglian.risk.scan-after-import=false")
class DemoAccountsTests {

	@Autowired
	DemoCounty demo;

	@Autowired
	UserAccounts users;

	@Autowired
	Exchange exchange;

	@Autowired
	Installation installation;

	@Autowired
	Registry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@TempDir
	Path tmp;

	@Autowired
	List<ExchangeFile> files;

	@Test
	void aCountyOfOneTownshipGetsTheAccountsItHasRegionsFor() throws Exception {
		Path bundle = tmp.resolve("one");
		new CountyGenerator(new CountyGenerator.Size(1, 2, 7), files).write(bundle);
		exchange.importBundle(bundle, Exchange.Progress.NONE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new DemoCounty(exchange, users, registry, files, installation,
				new DemoSettings(false, tmp.resolve("accounts.txt")))
			.createAccounts(new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("No demo account township2")
			.contains("Demo accounts: admin, county, township, monitor, cadre, custodian, auditor,");
		assertThat(users.exists("township2")).isFalse();
		assertThat(users.exists("township")).isTrue();
	}

	@Test
	void theDemoMakesItsAccountsWithARandomPasswordWrittenOwnerOnlyAndNeverResetsThem() throws Exception {
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		Path file = tmp.resolve("demo-accounts.txt");
		DemoCounty command = new DemoCounty(exchange, users, registry, List.of(), installation,
				new DemoSettings(false, file));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		command.createAccounts(new PrintStream(out, true, StandardCharsets.UTF_8));
		String text = Files.readString(file);
		String password = text.lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow().substring(10);
		assertThat(password).isNotEqualTo("qinglian-demo").hasSize(19);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String hash = jdbc.sql("select password_hash from plt_user where username = 'admin'")
			.query(String.class)
			.single();
		assertThat(encoder.matches(password, hash)).isTrue();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(password);

		// a second run touches no account
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		new DemoCounty(exchange, users, registry, List.of(), installation,
				new DemoSettings(false, tmp.resolve("other.txt")))
			.createAccounts(new PrintStream(again, true, StandardCharsets.UTF_8));
		assertThat(again.toString(StandardCharsets.UTF_8)).contains("exist already").doesNotContain(password);
		assertThat(jdbc.sql("select password_hash from plt_user where username = 'admin'").query(String.class).single())
			.isEqualTo(hash);
		assertThat(Files.exists(tmp.resolve("other.txt"))).isFalse();
		// another installation gets another password
		assertThat(DemoCounty.randomPassword()).isNotEqualTo(password);
	}

	@Test
	void aDatabaseHoldingACountysOwnDataRefusesTheDemo() throws Exception {
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = demo.run(List.of("--out", tmp.resolve("bundle").toString()), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not make");
		assertThat(users.anyUser()).isFalse();
		assertThat(Files.exists(tmp.resolve("bundle"))).isFalse();
	}

}
