package org.qinglian.platform;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The commands of the jar, as a user at a terminal sees them. */
@IntegrationTest
@TestPropertySource(properties = "qinglian.test.database=commands")
class CommandLineTests {

	@Autowired
	List<Command> commands;

	@TempDir
	Path tmp;

	record Run(int code, String out, String err) {
	}

	Run run(String name, String... args) throws Exception {
		Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Command.execute(command, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aBadBundleExitsNonZeroListingProblemsWithoutAStackTrace() throws Exception {
		Path bad = tmp.resolve("bad");
		Files.createDirectories(bad);
		for (Path p : Files.list(SampleCounty.bundle()).filter(Files::isRegularFile).toList()) {
			Files.copy(p, bad.resolve(p.getFileName()));
		}
		Files.writeString(bad.resolve("deaths.csv"),
				Files.readString(bad.resolve("deaths.csv")).replaceFirst("2019-01-04", "2019-01-44"));
		Run r = run("import", bad.toString());
		assertThat(r.code()).isEqualTo(1);
		assertThat(r.err()).contains("nothing was written")
			.contains("deaths.csv:0: -: its SHA-256 is")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void importTwiceSaysNothingChangedAndTheAuditChainVerifies() throws Exception {
		Run first = run("import", SampleCounty.bundle().toString());
		assertThat(first.code()).isZero();
		assertThat(first.out()).contains("61,114 rows read").contains("rows/s");
		Run second = run("import", SampleCounty.bundle().toString());
		assertThat(second.out()).contains("Nothing changed").contains("imported before");
		Run verify = run("audit", "verify");
		assertThat(verify.code()).isZero();
		assertThat(verify.out()).startsWith("The audit log is intact");
		Run scan = run("scan", "--out", tmp.resolve("findings.csv").toString());
		assertThat(scan.code()).isZero();
		assertThat(Files.readAllLines(tmp.resolve("findings.csv")).get(0))
			.isEqualTo("finding_id,rule_code,scheme,subject_id,region_code,period,amount,records,explanation");
		// the findings name people: the file is its owner's only
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("findings.csv"))))
			.isEqualTo("rw-------");
	}

	@Test
	void aWrongUsageIsExplained() throws Exception {
		Run r = run("import");
		assertThat(r.code()).isEqualTo(2);
		assertThat(r.err()).startsWith("import: Missing required parameter: 'BUNDLE'").contains("Usage: import BUNDLE");
		Run demo = run("demo", "--townships", "0");
		assertThat(demo.code()).isEqualTo(2);
		assertThat(demo.err()).startsWith("demo: --townships must be from 1 to 899, not 0")
			.contains("Usage: demo [--townships N]");
		assertThat(run("demo", "--townships", "two").err()).startsWith("demo: Invalid value for option '--townships'");
		assertThat(run("scan", "--bogus").err()).startsWith("scan: Unknown option: '--bogus'");
		Run help = run("demo", "--help");
		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("Usage: demo").contains("--townships=").contains("townships, 1 to 899");
	}

}
