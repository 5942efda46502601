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
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/qinglian} as a user runs it, on a stand-in {@code java} (of a
 * {@code JAVA_HOME} of the test's own) that plays the extraction and the recording of the
 * archive and then prints the arguments it was given: a command gets the JVM options of
 * {@code bin/command.options}, the server does not (the launcher tells them apart as
 * {@code QinglianApplication.main} does), {@code JAVA_OPTS} come after them, and a real
 * JVM takes the file. The launcher is a bash script for Linux.
 */
@EnabledOnOs(OS.LINUX)
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
		// the extraction makes the folder and its jar; the recording of the archive keeps
		// its arguments and makes the archive; any other start prints its arguments
		Files.writeString(java, """
				#!/bin/sh
				case "$1" in
				  -Djarmode=tools)
				    while [ "$1" != --destination ]; do shift; done
				    mkdir -p "$2" && : > "$2/qinglian.jar"; exit 0 ;;
				  -XX:ArchiveClassesAtExit=*)
				    printf '%s\\n' "$@" > "$(dirname "$0")/../training.txt"
				    : > "${1#-XX:ArchiveClassesAtExit=}"; exit 0 ;;
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
		try {
			assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
		}
		finally {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		assertThat(p.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
		return Files.readAllLines(out);
	}

	/** The JVM's options: what comes before {@code -jar}. */
	static List<String> jvmOptions(List<String> args) {
		assertThat(args).contains("-jar");
		return args.subList(0, args.indexOf("-jar"));
	}

	@Test
	void aCommandRunsWithTheCommandOptionsAfterTheArchiveAndBeforeJavaOpts() throws Exception {
		List<String> args = launch("-XX:TieredStopAtLevel=4", "import", "some bundle");
		List<String> jvm = jvmOptions(args);
		assertThat(jvm.get(0)).startsWith("-XX:SharedArchiveFile=").endsWith(".jsa");
		assertThat(jvm).containsSubsequence(jvm.get(0), OPTIONS, "-XX:TieredStopAtLevel=4");
		// the extracted jar, then the arguments as given
		List<String> tail = args.subList(args.indexOf("-jar") + 1, args.size());
		assertThat(tail.get(0)).startsWith(jar.resolveSibling("qinglian-app").toString()).endsWith("/qinglian.jar");
		assertThat(tail.subList(1, tail.size())).containsExactly("import", "some bundle");
		// the recording of the archive is a start of the server, without them
		assertThat(Files.readAllLines(home.resolve("jdk/training.txt"))).doesNotContain(OPTIONS)
			.noneMatch(a -> a.contains("TieredStopAtLevel"));
	}

	@Test
	void theServerRunsWithoutThemAndAnyWordIsACommand() throws Exception {
		for (String[] server : new String[][] { {}, { "serve" }, { "serve", "--server.port=0" }, { "--server.port=0" },
				{ "--" }, { "-x" } }) {
			List<String> args = launch(null, server);
			assertThat(jvmOptions(args)).as(List.of(server).toString())
				.noneMatch(a -> a.startsWith("@") || a.contains("TieredStopAtLevel"));
			assertThat(args.subList(args.indexOf("-jar") + 2, args.size())).containsExactly(server);
		}
		// as QinglianApplication.main: a first argument that is a word (an unknown one,
		// or
		// none at all, gets the usage)
		for (String command : List.of("scan", "help", "", "Serve", "@file")) {
			assertThat(jvmOptions(launch(null, command, "--all"))).as(command).contains(OPTIONS);
		}
	}

	@Test
	void aRealJvmTakesTheCommandOptions() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, OPTIONS, "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true)
			.start();
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(p.exitValue()).as(out).isZero();
		assertThat(out).containsPattern("TieredStopAtLevel\\s+= 1 ");
	}

}
