package org.qinglian.bench;

import java.io.BufferedReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.qinglian.QinglianApplication;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.ExchangeFile;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Imports a bundle into fresh databases (five runs, the first in a cold JVM) and, on the
 * same PostgreSQL server, copies the same CSV files with PostgreSQL's own {@code COPY}
 * into bare tables (of text, and of the data's types), then builds the platform's primary
 * keys and indexes on the typed ones (three times, the median kept); prints the speeds,
 * their ratios, the importer's peak heap and the CPU Java used. Run by
 * {@code bench/import.sh}. {@code -Dbench.pg=key=value,...} adds server settings, for
 * experiments.
 */
public final class ImportBenchmark {

	private static final int FLOOR_RUNS = 3;

	/** The indexes the floor does not build (on tables or columns the bundle lacks). */
	private static final Set<String> LEFT_OUT = new java.util.TreeSet<>();

	/**
	 * COPY of every file into a bare table whose columns have the types the platform
	 * stores them as.
	 */
	static double typedCopy(EmbeddedPostgres pg, String db, Path bundle, Collection<ExchangeFile> files)
			throws Exception {
		long t0 = System.nanoTime();
		try (Connection c = pg.getDatabase("postgres", db).getConnection()) {
			c.setAutoCommit(false);
			for (ExchangeFile f : files) {
				Path csv = bundle.resolve(f.file());
				if (!Files.exists(csv)) {
					continue;
				}
				String header;
				try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
					header = r.readLine().replace("\uFEFF", "");
				}
				String table = "t_" + f.table();
				try (Statement st = c.createStatement()) {
					st.execute("create table " + table + " ("
							+ Arrays.stream(header.split(","))
								.map(h -> '"' + h + "\" " + f.column(h).orElseThrow().sqlType())
								.collect(Collectors.joining(", "))
							+ ")");
				}
				try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
					c.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("copy " + table + " from stdin with (format csv, header true)", r);
				}
			}
			c.commit();
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	/**
	 * Builds, on the tables of {@link #typedCopy}, the primary keys and indexes the
	 * platform's tables have (read from {@code schemaDb}); returns the seconds.
	 */
	static double keysAndIndexes(EmbeddedPostgres pg, String db, String schemaDb, Collection<ExchangeFile> files)
			throws Exception {
		List<String> defs = new ArrayList<>();
		// the functions of the indexes on expressions (made before the clock starts)
		Set<String> functions = new LinkedHashSet<>();
		try (Connection c = pg.getDatabase("postgres", schemaDb).getConnection(); Statement st = c.createStatement()) {
			for (ExchangeFile f : files) {
				try (var rs = st.executeQuery("""
						select distinct pg_get_functiondef(d.refobjid) from pg_index i
						join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = i.indexrelid
						 and d.refclassid = 'pg_proc'::regclass
						where i.indrelid = '%s'::regclass""".formatted(f.table()))) {
					while (rs.next()) {
						functions.add(rs.getString(1));
					}
				}
				try (var rs = st.executeQuery("select pg_get_indexdef(indexrelid) from pg_index where indrelid = '"
						+ f.table() + "'::regclass")) {
					while (rs.next()) {
						String def = rs.getString(1);
						String onTyped = def.replaceFirst("INDEX \\S+ ON public\\.\\S+ ",
								"INDEX ON t_" + f.table() + " ");
						if (onTyped.equals(def)) {
							throw new IllegalStateException("an index the floor cannot build on its own table: " + def);
						}
						defs.add(onTyped);
					}
				}
			}
		}
		try (Connection c = pg.getDatabase("postgres", db).getConnection(); Statement st = c.createStatement()) {
			for (String function : functions) {
				st.execute(function);
			}
		}
		long t0 = System.nanoTime();
		try (Connection c = pg.getDatabase("postgres", db).getConnection(); Statement st = c.createStatement()) {
			for (String def : defs) {
				try {
					st.execute(def);
				}
				catch (SQLException ex) {
					// on a table or column the bundle does not have (the platform's own,
					// such as a report's receipt hash, empty after an import): not built
					if (!"42703".equals(ex.getSQLState()) && !"42P01".equals(ex.getSQLState())) {
						throw ex;
					}
					LEFT_OUT.add(def);
				}
			}
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	public static void main(String[] args) throws Exception {
		Path bundle = Path.of(args[0]);
		Path data = Files.createTempDirectory("qinglian-bench");
		var builder = EmbeddedPostgres.builder();
		for (String kv : System.getProperty("bench.pg", "").split(",")) {
			if (!kv.isBlank()) {
				builder.setServerConfig(kv.split("=")[0], kv.split("=")[1]);
			}
		}
		try (EmbeddedPostgres pg = builder.setDataDirectory(data)
			.setCleanDataDirectory(true)
			.setLocaleConfig("locale", "C")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("checkpoint_timeout", "15min")
			.setServerConfig("work_mem", "64MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.start()) {
			int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
			try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
				st.execute("create database baseline");
				for (int i = 1; i <= FLOOR_RUNS; i++) {
					st.execute("create database baseline_typed" + i);
				}
				// the platform's two roles (this benchmark's server trusts localhost)
				st.execute("create role ext_owner login");
				st.execute("create role ext_app login");
				for (int run = 1; run <= runs; run++) {
					st.execute("create database qinglian" + run + " owner ext_owner");
				}
			}
			List<Path> files;
			try (var s = Files.list(bundle)) {
				files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
			}
			long copyRows = 0;
			long t0 = System.nanoTime();
			try (Connection c = pg.getDatabase("postgres", "baseline").getConnection()) {
				c.setAutoCommit(false);
				for (Path f : files) {
					String header;
					try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
						header = r.readLine().replace("\uFEFF", "");
					}
					String table = "b_" + f.getFileName().toString().replace(".csv", "");
					try (Statement st = c.createStatement()) {
						st.execute("create table " + table + " ("
								+ Arrays.stream(header.split(","))
									.map(h -> '"' + h + "\" text")
									.collect(Collectors.joining(", "))
								+ ")");
					}
					try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
						copyRows += c.unwrap(PGConnection.class)
							.getCopyAPI()
							.copyIn("copy " + table + " from stdin with (format csv, header true)", r);
					}
				}
				c.commit();
			}
			double copySeconds = (System.nanoTime() - t0) / 1e9;

			double typedSeconds = -1;
			double keysSeconds = -1;
			List<Double> floors = new ArrayList<>();
			List<Double> speeds = new ArrayList<>();
			for (int run = 1; run <= runs; run++) {
				var context = new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
					.properties("qinglian.db.url=jdbc:postgresql://localhost:" + pg.getPort() + "/qinglian" + run,
							"qinglian.db.user=ext_app", "qinglian.db.owner-user=ext_owner",
							"qinglian.keys.dir=" + data.resolve("keys"),
							"qinglian.audit.checkpoint-dir=" + data.resolve("audit"), "logging.level.root=WARN",
							"logging.level.org.qinglian.platform.exchange=DEBUG",
							"qinglian.demo.load-on-first-start=false", "qinglian.risk.scan-after-import=false")
					.run();
				try (context) {
					Exchange exchange = context.getBean(Exchange.class);
					if (run == 1) {
						// the files in the form of the bundle's version
						String version = Files.readString(bundle.resolve("manifest.json")).contains("\"1.1\"") ? "1.1"
								: "1";
						var declared = context.getBeansOfType(ExchangeFile.class)
							.values()
							.stream()
							.filter(f -> f.in(version))
							.toList();
						// the floor measured three times (the median kept): on a shared
						// machine one run of it can be a quarter off
						List<double[]> samples = new ArrayList<>();
						for (int i = 1; i <= FLOOR_RUNS; i++) {
							double typed = typedCopy(pg, "baseline_typed" + i, bundle, declared);
							samples.add(new double[] { typed,
									keysAndIndexes(pg, "baseline_typed" + i, "qinglian" + run, declared) });
						}
						samples.sort(java.util.Comparator.comparingDouble(x -> x[0] + x[1]));
						typedSeconds = samples.get(FLOOR_RUNS / 2)[0];
						keysSeconds = samples.get(FLOOR_RUNS / 2)[1];
						samples.forEach(x -> floors.add(x[0] + x[1]));
					}
					System.gc();
					// the heap in use, sampled every 5 ms: the sum of each pool's own
					// peak would add peaks of different moments (it can pass the maximum)
					AtomicLong peakUsed = new AtomicLong();
					AtomicBoolean sampling = new AtomicBoolean(true);
					Thread sampler = new Thread(() -> {
						while (sampling.get()) {
							peakUsed.accumulateAndGet(
									ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
							LockSupport.parkNanos(5_000_000);
						}
					}, "heap-sampler");
					sampler.setDaemon(true);
					sampler.start();
					var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
					long cpu0 = os.getProcessCpuTime();
					long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
					Exchange.ImportReport report = exchange.importBundle(bundle, Exchange.Progress.NONE);
					double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
					double jit = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1e3;
					sampling.set(false);
					sampler.join();
					long peak = peakUsed.get();
					double seconds = report.millis() / 1000.0;
					speeds.add(report.rowsRead() / seconds);
					System.out.printf(
							"run %d: import of %,d rows into an empty database %.2f s, %,d rows/s, peak heap %,d MB (sampled), "
									+ "Java's CPU %.2f s (JIT compiling %.2f s)%n",
							run, report.rowsRead(), seconds, Math.round(report.rowsRead() / seconds), peak >> 20, cpu,
							jit);
					if (run == runs) {
						// after what the import set off (the conformance check, the
						// publication), as the import command waits for it before it ends
						if (!exchange.awaitFollowUps(java.time.Duration.ofMinutes(10))) {
							throw new IllegalStateException("the import's follow-ups did not end within 10 minutes");
						}
						long again0 = System.nanoTime();
						Exchange.ImportReport again = exchange.importBundle(bundle, Exchange.Progress.NONE);
						System.out.printf("re-import of the same bundle %.2f s, %,d rows changed%n",
								(System.nanoTime() - again0) / 1e9, again.rowsChanged());
					}
				}
			}
			double cold = speeds.get(0);
			List<Double> warmRuns = new ArrayList<>(speeds.subList(1, speeds.size()));
			warmRuns.sort(null);
			double warm = warmRuns.isEmpty() ? cold : warmRuns.get(warmRuns.size() / 2);
			double copySpeed = copyRows / copySeconds;
			double typedSpeed = copyRows / typedSeconds;
			double floorSpeed = copyRows / (typedSeconds + keysSeconds);
			System.out.printf("bundle              %s%n", bundle);
			System.out.printf("plain COPY          %.2f s  %,9d rows/s (%,d rows into bare tables of text)%n",
					copySeconds, Math.round(copySpeed), copyRows);
			System.out.printf("typed COPY          %.2f s  %,9d rows/s (into bare tables of the data's types)%n",
					typedSeconds, Math.round(typedSpeed));
			System.out.printf(
					"typed COPY + keys   %.2f s  %,9d rows/s (then the platform's primary keys and indexes; "
							+ "median of %s s)%n",
					typedSeconds + keysSeconds, Math.round(floorSpeed),
					floors.stream().map(x -> String.format("%.2f", x)).collect(Collectors.joining(", ")));
			System.out.printf(
					"import, cold JVM    %.2f s  %,9d rows/s = %.2f of plain COPY, %.2f of typed, %.2f of typed + keys%n",
					copyRows / cold, Math.round(cold), cold / copySpeed, cold / typedSpeed, cold / floorSpeed);
			if (runs > 1) {
				System.out.printf(
						"import, warm median %.2f s  %,9d rows/s = %.2f of plain COPY, %.2f of typed, %.2f of typed + keys (runs 2-%d)%n",
						copyRows / warm, Math.round(warm), warm / copySpeed, warm / typedSpeed, warm / floorSpeed,
						runs);
			}
			System.out.printf("max heap         %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
			System.out.printf("JVM options      %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments());
			System.out.printf("the floor leaves out %d indexes on tables or columns the bundle lacks: %s%n",
					LEFT_OUT.size(), LEFT_OUT);
		}
	}

}
