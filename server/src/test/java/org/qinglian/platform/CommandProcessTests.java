package org.qinglian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.SampleCounty;

/**
 * Commands as a user runs them: each its own process through {@code main}, in the
 * {@code cli} profile (lazy beans) and, from the second on, with the embedded database
 * started early. An import and its follow-ups, a scan with nothing new, the audit log's
 * chain and its checkpoints, a key that does not match the database refused.
 */
class CommandProcessTests {

	@TempDir
	Path home;

	record Run(int exit, String output) {
	}

	Run run(String... args) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				"org.qinglian.QinglianApplication"));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().keySet().removeIf(k -> k.startsWith("QINGLIAN_") || k.startsWith("SPRING_"));
		pb.environment().put("QINGLIAN_DB_DATA_DIR", home.resolve("data/pg").toString());
		pb.environment().put("QINGLIAN_KEYS_DIR", home.resolve("keys").toString());
		pb.environment().put("QINGLIAN_AUDIT_CHECKPOINT_DIR", home.resolve("audit").toString());
		pb.directory(home.toFile());
		File out = home.resolve("out-" + args[0] + ".txt").toFile();
		pb.redirectErrorStream(true).redirectOutput(out);
		Process p = pb.start();
		try {
			assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", args) + " ends").isTrue();
		}
		finally {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		return new Run(p.exitValue(), Files.readString(out.toPath()));
	}

	@Test
	void commandsRunAsAUserRunsThem() throws Exception {
		Run imported = run("import", SampleCounty.bundle().toString());
		assertThat(imported.exit()).as(imported.output()).isZero();
		assertThat(imported.output()).contains("61,114 rows");

		Run scan = run("scan");
		assertThat(scan.exit()).as(scan.output()).isZero();
		assertThat(scan.output()).as("the import's follow-up scanned: nothing new")
			.contains("34 findings (0 new, 0 changed, 0 withdrawn)")
			.contains("15 rules not run again");

		Run verified = run("audit", "verify");
		assertThat(verified.exit()).as(verified.output()).isZero();
		assertThat(verified.output()).contains("The audit log is intact");
		assertThat(Files.readString(home.resolve("audit/checkpoints.log")).lines().count())
			.as("a checkpoint at each command's stop")
			.isGreaterThanOrEqualTo(3);

		// keys of another installation: refused at start, whatever the command
		Path keys = home.resolve("keys");
		Files.move(keys, home.resolve("keys-kept"));
		Run stranger = run("scan");
		assertThat(stranger.exit()).as(stranger.output()).isNotZero();
		assertThat(stranger.output()).contains("The database was encrypted with keys that are not in");
	}

}
