package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL (the OOM killer, a crash, {@code kill -9}) starts again
 * by itself: its embedded PostgreSQL is stopped by the watchdog within seconds, and if
 * that is gone too, the next start recognises the orphaned server on its data and stops
 * it. Real processes: a server JVM, its PostgreSQL, its watchdog.
 */
class KilledServerTests {

	@TempDir
	Path home;

	final List<Process> started = new ArrayList<>();

	final List<Long> databases = new ArrayList<>();

	@AfterEach
	void stopAll() {
		for (Process p : started) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		// an orphaned database is no one's descendant: stopped by its pid
		databases.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
	}

	Process server(String log) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				"org.qinglian.QinglianApplication", "serve", "--server.port=0",
				"--qinglian.db.data-dir=" + home.resolve("data/pg"), "--qinglian.keys.dir=" + home.resolve("keys"),
				"--qinglian.audit.checkpoint-dir=" + home.resolve("audit"), "--qinglian.demo.load-on-first-start=false",
				"--logging.level.root=WARN");
		File out = home.resolve(log).toFile();
		pb.redirectErrorStream(true).redirectOutput(out);
		Process p = pb.start();
		started.add(p);
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			String text = Files.exists(out.toPath()) ? Files.readString(out.toPath()) : "";
			if (text.contains("Qinglian is running at")) {
				return p;
			}
			if (!p.isAlive()) {
				throw new AssertionError("the server stopped: " + text);
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the server did not start: " + Files.readString(out.toPath()));
	}

	long postgresPid() throws Exception {
		long pid = Long.parseLong(Files.readAllLines(home.resolve("data/pg/postmaster.pid")).get(0).trim());
		databases.add(pid);
		return pid;
	}

	static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	static boolean gone(long pid, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (alive(pid) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		return !alive(pid);
	}

	Optional<ProcessHandle> watchdog(Process server) {
		return server.children()
			.filter(c -> c.info().commandLine().map(line -> line.contains("kill -0")).orElse(false))
			.findFirst();
	}

	@Test
	void theDatabaseDoesNotOutliveAKilledServer() throws Exception {
		Process first = server("first.log");
		long pg = postgresPid();
		assertThat(watchdog(first)).as("the watchdog runs").isPresent();
		assertThat(Files.readString(home.resolve("first.log"))).as("a plain serve makes no account and says how")
			.contains("java -jar qinglian.jar admin create NAME");
		first.destroyForcibly().waitFor();
		assertThat(gone(pg, Duration.ofSeconds(30))).as("the database stopped after the server was killed").isTrue();
		server("second.log");
		assertThat(postgresPid()).isNotEqualTo(pg);
	}

	@Test
	void theNextStartStopsAnOrphanedDatabaseAndTakesOver() throws Exception {
		Process first = server("first.log");
		long pg = postgresPid();
		ProcessHandle dog = watchdog(first).orElseThrow();
		dog.destroyForcibly();
		first.destroyForcibly().waitFor();
		Thread.sleep(500);
		assertThat(alive(pg)).as("the orphaned database lives on").isTrue();
		Process second = server("second.log");
		assertThat(gone(pg, Duration.ofSeconds(5))).as("the orphan was stopped").isTrue();
		assertThat(second.isAlive()).isTrue();
		assertThat(Files.readString(home.resolve("second.log"))).contains("did not stop cleanly");
	}

}
