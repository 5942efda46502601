package org.qinglian.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.QinglianApplication;
import org.qinglian.SampleCounty;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Command;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.PersonalDataCipher;
import org.qinglian.platform.PersonalDataCipher.Place;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The installation's keys across restarts, as an operator would meet them. */
class KeysetsTests {

	@TempDir
	Path home;

	ConfigurableApplicationContext start(Path keys) {
		return new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.run("--qinglian.db.data-dir=" + home.resolve("data/pg"), "--qinglian.db.clean=false",
					"--qinglian.keys.dir=" + keys, "--qinglian.audit.checkpoint-dir=" + home.resolve("audit"),
					"--qinglian.risk.scan-after-import=false");
	}

	@Test
	void keysAreMadeOwnerOnlyOnTheFirstStartAndAnotherKeysetIsRefused() throws Exception {
		Path keys = home.resolve("keys");
		try (var context = start(keys)) {
			assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
			for (String f : List.of("identity.json", "records.json", "audit.json")) {
				assertThat(Files.getPosixFilePermissions(keys.resolve(f)))
					.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			}
		}
		assertThatThrownBy(() -> start(home.resolve("other-keys")).close())
			.hasStackTraceContaining("are not in " + home.resolve("other-keys"));

		Path copy = home.resolve("copied-keys");
		Files.createDirectories(copy);
		for (String f : List.of("identity.json", "records.json", "audit.json")) {
			Files.copy(keys.resolve(f), copy.resolve(f));
		}
		Files.setPosixFilePermissions(copy.resolve("audit.json"), PosixFilePermissions.fromString("rw-r--r--"));
		assertThatThrownBy(() -> start(copy).close()).hasStackTraceContaining("may be read or written by others");

		// a keyset of the right names but other keys
		Path stranger = home.resolve("stranger");
		try (var other = new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.run("--qinglian.keys.dir=" + stranger, "--qinglian.risk.scan-after-import=false")) {
			assertThat(Files.exists(stranger.resolve("identity.json"))).isTrue();
		}
		assertThatThrownBy(() -> start(stranger).close()).hasStackTraceContaining("are not the keys of this database");
	}

	@Test
	void aCiphertextMovedToAnotherRowDoesNotDecrypt() {
		try (var context = start(home.resolve("keys"))) {
			PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
			Place r1 = new Place("int_report", "reporter_enc", "R1");
			String sealed = cipher.encrypt("P0001", r1);
			assertThat(sealed).doesNotContain("P0001").isEqualTo(cipher.encrypt("P0001", r1));
			assertThat(cipher.decrypt(sealed, r1)).isEqualTo("P0001");
			assertThatThrownBy(() -> cipher.decrypt(sealed, new Place("int_report", "reporter_enc", "R2")))
				.isInstanceOf(PersonalDataCipher.UndecryptableException.class);
			String random = cipher.seal("13800000000", r1);
			assertThat(random).isNotEqualTo(cipher.seal("13800000000", r1));
			assertThat(cipher.open(random, r1)).isEqualTo("13800000000");
			assertThatThrownBy(() -> cipher.open(random, new Place("int_report", "phone", "R1")))
				.isInstanceOf(PersonalDataCipher.UndecryptableException.class);
		}
	}

	@Test
	void rotatingTheKeysEncryptsEveryIdentityAgainAndKeepsTheAuditLogVerifiable() throws Exception {
		Path keys = home.resolve("keys");
		try (var context = start(keys)) {
			context.getBean(Exchange.class).importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String select = "select reporter_enc from int_report where reporter_enc is not null order by report_id";
			List<String> before = jdbc.sql(select).query(String.class).list();
			assertThat(before).isNotEmpty();
			Command rotate = context.getBeansOfType(Command.class)
				.values()
				.stream()
				.filter(c -> c.name().equals("keys"))
				.findFirst()
				.orElseThrow();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(rotate.run(List.of("rotate"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
				.isZero();
			assertThat(out.toString(StandardCharsets.UTF_8)).contains(before.size() + " values encrypted again");
			List<String> after = jdbc.sql(select).query(String.class).list();
			assertThat(after).hasSameSizeAs(before).doesNotContainAnyElementsOf(before);
			Path exported = home.resolve("export");
			context.getBean(Exchange.class).exportBundle(exported, true);
			// the spec's columns as they were; the platform's own columns after them are
			// empty for imported reports
			int added = 10;
			assertThat(Files.readAllLines(exported.resolve("reports.csv"))
				.stream()
				.map(line -> line.startsWith("report_id,") ? line.replaceAll("(,[a-z_]+){" + added + "}$", "")
						: line.replaceAll(",{" + added + "}$", ""))
				.toList())
				.containsExactlyInAnyOrderElementsOf(Files.readAllLines(SampleCounty.bundle().resolve("reports.csv")));
			assertThat(context.getBean(AuditLog.class).verify().intact()).isTrue();
		}
		// the new keys are the keys of the database now
		try (var context = start(keys)) {
			assertThat(context.getBean(AuditLog.class).verify().intact()).isTrue();
		}
	}

}
