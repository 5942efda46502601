package org.qinglian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/qinglian} as a user runs it, on a stand-in {@code java} (of a
 * {@code JAVA_HOME} of the test's own) that plays the extraction and the recording of the
 * archive and then prints the arguments it was given: a command gets the JVM options of
 * {@code bin/command.options}, the server does not, and {@code JAVA_OPTS} come after
 * them.
 */
class LauncherTests {

	private static final Path LAUNCHER = Path.of("..", "bin", "qinglian").toAbsolutePath().normalize();

	private static final String OPTIONS = "@" + LAUNCHER.resolveSibling("command.options");

	@TempDir
	Path home;

	Path jar;

	@BeforeEach
	void standIns() throws Exception {
		Path bin = Files.createDirectories(home.resolve("jdk/bin"));
		Path java = bin.resolve("java");
		Files.writeString(java, """
				#!/bin/sh
				case "$1" in
				  -Djarmode=tools) mkdir -p "$6" && : > "$6/qinglian.jar"; exit 0 ;;
				  -XX:ArchiveClassesAtExit=*) exit 0 ;;
				esac
				printf '%s\\n' "$@"
				""");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		jar = Files.createDirectories(home.resolve("target")).resolve("qinglian.jar");
		Files.writeString(jar, "not a jar: the stand-in java never opens it");
	}

	List<String> launch(String javaOpts, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().put("JAVA_HOME", home.resolve("jdk").toString());
		pb.environment().put("QINGLIAN_JAR", jar.toString());
		pb.environment().remove("JAVA_OPTS");
		if (javaOpts != null) {
			pb.environment().put("JAVA_OPTS", javaOpts);
		}
		Path out = home.resolve("out.txt");
		pb.redirectOutput(out.toFile()).redirectError(home.resolve("err.txt").toFile());
		Process p = pb.start();
		assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(p.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
		return Files.readAllLines(out);
	}

	@Test
	void aCommandRunsWithTheCommandOptionsBeforeJavaOpts() throws Exception {
		List<String> args = launch("-XX:TieredStopAtLevel=4", "import", "some bundle");
		assertThat(args).contains(OPTIONS);
		assertThat(args.indexOf(OPTIONS)).isLessThan(args.indexOf("-XX:TieredStopAtLevel=4"));
		// the extracted jar, then the arguments as given
		List<String> tail = args.subList(args.indexOf("-jar") + 1, args.size());
		assertThat(tail.get(0)).startsWith(jar.resolveSibling("qinglian-app").toString()).endsWith("/qinglian.jar");
		assertThat(tail.subList(1, tail.size())).containsExactly("import", "some bundle");
	}

	@Test
	void theServerRunsWithoutThem() throws Exception {
		assertThat(launch(null)).doesNotContain(OPTIONS).contains("-jar");
		assertThat(launch(null, "serve")).doesNotContain(OPTIONS).endsWith("serve");
		assertThat(launch(null, "--server.port=0")).doesNotContain(OPTIONS).endsWith("--server.port=0");
		assertThat(launch(null, "scan")).contains(OPTIONS).endsWith("scan");
	}

}
