package org.qinglian.platform.db;

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

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup restored into an empty installation is the same data with the same audit log.
 */
class BackupRestoreTests {

	@TempDir
	Path home;

	ConfigurableApplicationContext start(String installation, String keys) {
		Path dir = home.resolve(installation);
		return new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.run("--qinglian.db.data-dir=" + dir.resolve("data/pg"), "--qinglian.db.clean=false",
					"--qinglian.keys.dir=" + home.resolve(keys),
					"--qinglian.audit.checkpoint-dir=" + dir.resolve("audit"),
					"--qinglian.risk.scan-after-import=false");
	}

	static int run(ConfigurableApplicationContext context, String name, String... args) throws Exception {
		Command command = context.getBeansOfType(Command.class)
			.values()
			.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = command.run(List.of(args), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		if (code != 0) {
			throw new IllegalStateException(err.toString(StandardCharsets.UTF_8));
		}
		return code;
	}

	@Test
	void aRestoredBackupExportsTheSameDataAndItsAuditLogVerifies() throws Exception {
		Path backup = home.resolve("backup");
		Path before = home.resolve("export-before");
		long entries;
		try (var original = start("original", "keys")) {
			original.getBean(Exchange.class).importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
			// what the import sets off (and audits) done before the backup, or its
			// entries race the snapshot
			original.getBean(Exchange.class).awaitFollowUps(java.time.Duration.ofMinutes(2));
			original.getBean(AuditLog.class).recordNow("view_person", "person", "P1", "330683101201", null);
			original.getBean(Exchange.class).exportBundle(before, true);
			run(original, "backup", backup.toString());
			entries = original.getBean(AuditLog.class).verify().entries();
		}
		assertThat(Files.getPosixFilePermissions(backup.resolve("tables/int_report.copy")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.list(backup).map(p -> p.getFileName().toString()).toList()).doesNotContain("keys",
				"identity.json");

		Path after = home.resolve("export-after");
		try (var restored = start("restored", "keys")) {
			run(restored, "restore", backup.toString());
			AuditLog.Verification v = restored.getBean(AuditLog.class).verify();
			assertThat(v.intact()).as(v.reason()).isTrue();
			assertThat(v.entries()).isEqualTo(entries + 1);
			assertThat(v.checkpoints()).isPositive();
			restored.getBean(Exchange.class).exportBundle(after, true);
			JdbcClient jdbc = restored.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from risk_near_kin").query(Long.class).single()).isPositive();
		}
		try (var files = Files.list(before)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
				assertThat(Files.readString(after.resolve(f.getFileName()))).as(f.getFileName().toString())
					.isEqualTo(Files.readString(f));
			}
		}
		// and the restored installation starts again on its own
		try (var again = start("restored", "keys")) {
			assertThat(again.getBean(AuditLog.class).verify().intact()).isTrue();
		}
	}

	@Test
	void aRestoreRefusesOtherKeysAndADatabaseThatHoldsData() throws Exception {
		Path backup = home.resolve("backup");
		try (var original = start("original", "keys")) {
			original.getBean(Exchange.class).importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
			run(original, "backup", backup.toString());
			assertThatThrownBy(() -> run(original, "restore", backup.toString()))
				.hasMessageContaining("goes into an empty");
		}
		try (var stranger = start("stranger", "other-keys")) {
			assertThatThrownBy(() -> run(stranger, "restore", backup.toString()))
				.hasMessageContaining("was not made with the keys");
			assertThat(stranger.getBean(JdbcClient.class)
				.sql("select count(*) from int_report")
				.query(Long.class)
				.single()).as("nothing restored").isZero();
		}
		// a backup changed by someone without the keys: an account slipped into a table
		Files.writeString(backup.resolve("backup.json"),
				Files.readString(backup.resolve("backup.json")).replace("\"rows\"", "\"rows\" "));
		try (var fresh = start("fresh", "keys")) {
			assertThatThrownBy(() -> run(fresh, "restore", backup.toString())).hasMessageContaining("changed since");
		}
	}

}
