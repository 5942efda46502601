package org.qinglian.province;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The province scan finds, finding for finding and byte for byte, what the platform's
 * {@code scan} finds in each county: on the dev sample (version 1), on the sample of
 * registries as received (version 1.1), and on two generated counties scanned in one run
 * (each compared with its own platform, started as a process from the platform's jar).
 */
class ProvinceScanTests {

	static SparkSession spark;

	@TempDir
	static Path work;

	@BeforeAll
	static void spark() {
		spark = SparkSession.builder()
			.master("local[2]")
			.appName("province-scan-tests")
			.config("spark.ui.enabled", "false")
			.config("spark.sql.shuffle.partitions", "4")
			.config("spark.sql.session.timeZone", "UTC")
			.getOrCreate();
		spark.sparkContext().setLogLevel("ERROR");
	}

	@AfterAll
	static void stop() {
		spark.stop();
	}

	@Test
	void theDevSampleGivesThePlatformsFindings() throws IOException {
		Path out = work.resolve("dev-sample.csv");
		scan(out, shared("dev-sample"));
		// the platform's findings of the dev sample, which DevSampleFindingsTests holds
		// the platform to
		Path platform = Path.of("../server/src/test/resources/org/qinglian/risk/dev-sample-findings.csv");
		// byte for byte, in the platform's order (by rule, then id)
		assertEquals(Files.readString(platform), Files.readString(out));
		assertEquals(35, Files.readAllLines(out).size());
	}

	@Test
	void registriesAsReceivedAreTiedAsThePlatformTiesThem() throws Exception {
		Path sample = shared("dev-sample-c");
		Path out = work.resolve("dev-sample-c.csv");
		scan(out, sample);
		Path platform = platformScan(sample, "c");
		assertTrue(Files.readAllLines(platform).size() > 20, "the platform finds something");
		assertEquals(Files.readString(platform), Files.readString(out));
	}

	@Test
	void twoCountiesInOneRunAreEachReadOnItsOwn() throws Exception {
		Path a = work.resolve("county-a");
		Path b = work.resolve("county-b");
		// one seed for both: the same ids in both counties, which must never meet
		platform("demo", "--townships", "1", "--villages", "6", "--seed", "11", "--county", "330683", "--out",
				a.toString(), "--no-load");
		platform("demo", "--townships", "1", "--villages", "6", "--seed", "11", "--county", "330624", "--out",
				b.toString(), "--no-load");
		Path out = work.resolve("two.csv");
		scan(out, a, b);
		List<String> both = new ArrayList<>(sortedLines(platformScan(a, "a")));
		sortedLines(platformScan(b, "b")).stream().filter(l -> !l.startsWith("finding_id,")).forEach(both::add);
		both.sort(null);
		List<String> found = sortedLines(out);
		assertTrue(found.size() > 30, "findings in two counties: " + found.size());
		assertEquals(both, found);

		// refused, named: a power item whose flow differs between the counties
		Path changedFlow = copy(b, work.resolve("county-b-flow"));
		List<String> steps = new ArrayList<>(Files.readAllLines(changedFlow.resolve("power_steps.csv")));
		String[] first = steps.get(1).split(",", -1);
		first[3] = first[3] + "（改）";
		steps.set(1, String.join(",", first));
		Files.write(changedFlow.resolve("power_steps.csv"), steps);
		assertEquals(
				"power_steps.csv: the flow of the power item " + first[0]
						+ " differs between counties 330624, 330683; one scan reads one flow per power item",
				refused(a, changedFlow));
		// a use of power whose item has no flow in its own county (another county's flow
		// is not read)
		Path noFlow = copy(b, work.resolve("county-b-noflow"));
		List<String> kept = Files.readAllLines(noFlow.resolve("power_steps.csv"))
			.stream()
			.filter(l -> !l.startsWith(first[0] + ","))
			.toList();
		Files.write(noFlow.resolve("power_steps.csv"), kept);
		assertEquals("power_exercises.csv of county 330624: the power item " + first[0]
				+ " has no flow in its power_steps.csv", refused(a, noFlow));
		// a bundle whose rows are of another county than its manifest says
		Path elsewhere = copy(a, work.resolve("county-a-elsewhere"));
		Path manifest = elsewhere.resolve("manifest.json");
		Files.writeString(manifest, Files.readString(manifest).replace("\"330683\"", "\"330699\""));
		assertEquals("regions.csv of county 330699: the region 330683000000 is not of the county",
				refused(elsewhere, b));
		// a file without a column the rules read
		Path noColumn = copy(a, work.resolve("county-a-column"));
		Path vouchers = noColumn.resolve("vouchers.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(vouchers));
		lines.set(0, lines.get(0).replace("disclosed_on", "disclosed"));
		Files.write(vouchers, lines);
		assertTrue(refused(noColumn).contains("vouchers.csv has no column disclosed_on"), refused(noColumn));
	}

	private static String refused(Path... bundles) {
		return assertThrows(Bundles.BadBundle.class, () -> Bundles.read(spark, List.of(bundles))).getMessage();
	}

	private static Path copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path f : files.toList()) {
				Files.copy(f, to.resolve(f.getFileName()));
			}
		}
		return to;
	}

	@Test
	void bundlesOfOneCountyOrOfDifferentPeriodsAreRefused() throws IOException {
		assertTrue(refused(shared("dev-sample"), shared("dev-sample-c")).endsWith("are both of county 330683"));
		Path later = copy(shared("dev-sample"), work.resolve("dev-sample-later"));
		Path manifest = later.resolve("manifest.json");
		Files.writeString(manifest,
				Files.readString(manifest)
					.replace("\"330683\"", "\"330624\"")
					.replace("\"2020-12-31\"", "\"2021-12-31\""));
		assertTrue(refused(shared("dev-sample"), later).startsWith("one scan covers one data period: "),
				refused(shared("dev-sample"), later));
		Path spaced = copy(shared("dev-sample"), work.resolve("dev sample"));
		assertTrue(refused(spaced).endsWith("only (Spark names files by their path)"), refused(spaced));
	}

	@Test
	void aBadCommandLineSaysWhatIsWrong() {
		assertEquals("--out FILE is missing", message(() -> Options.parse(new String[] {})));
		assertEquals("--set split_award.window_days=0: split_award.window_days must be from 1 to 3650",
				message(() -> Options.parse(new String[] { "--set", "split_award.window_days=0" })));
		assertEquals("--set split_award.window_days=7.5: split_award.window_days is a whole number",
				message(() -> Options.parse(new String[] { "--set", "split_award.window_days=7.5" })));
		assertEquals("--set: no rule nothing", message(() -> Options.parse(new String[] { "--set", "nothing.x=1" })));
		assertTrue(message(() -> Options.parse(new String[] { "--out", "f", "/nowhere" }))
			.endsWith("is not a bundle folder (no manifest.json in it)"));
	}

	@Test
	void sparkDefinesEveryFunctionTheRulesMayCall() throws IOException {
		String functions;
		try (var in = ProvinceScan.class.getResourceAsStream("spark-functions.sql")) {
			functions = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (String f : org.qinglian.risk.book.Rule.FUNCTIONS) {
			assertTrue(functions.contains("create or replace temporary function " + f + "("), f);
		}
	}

	private static String message(Runnable r) {
		return assertThrows(IllegalArgumentException.class, r::run).getMessage();
	}

	private static void scan(Path out, Path... bundles) {
		ProvinceScan scan = new ProvinceScan(spark, Map.of(), LocalDate.now());
		ProvinceScan.write(scan.scan(Bundles.read(spark, List.of(bundles))), out);
	}

	/** The platform's own scan of a bundle: imported into an installation of its own. */
	private static Path platformScan(Path bundle, String name) throws Exception {
		Path home = work.resolve("platform-" + name);
		Path out = home.resolve("findings.csv");
		Files.createDirectories(home);
		platform(home, "import", bundle.toString());
		platform(home, "scan", "--out", out.toString());
		return out;
	}

	private static void platform(String... args) throws Exception {
		platform(work.resolve("platform-demo"), args);
	}

	private static void platform(Path home, String... args) throws Exception {
		Path jar = Path.of(System.getProperty("qinglian.jar", "../server/target/qinglian.jar"));
		assertTrue(Files.isRegularFile(jar), jar + " is built before this module");
		List<String> command = new ArrayList<>(List.of("java", "-Xmx768m", "-jar", jar.toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolveSibling(home.getFileName() + ".log").toFile());
		Files.createDirectories(home);
		Map<String, String> env = pb.environment();
		env.keySet().removeIf(k -> k.startsWith("QINGLIAN_"));
		env.put("QINGLIAN_DB_DATA_DIR", home.resolve("pg").toString());
		env.put("QINGLIAN_KEYS_DIR", home.resolve("keys").toString());
		env.put("QINGLIAN_AUDIT_CHECKPOINT_DIR", home.resolve("audit").toString());
		Process p = pb.start();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the platform's " + args[0] + " ends");
		assertEquals(0, p.exitValue(),
				() -> "the platform's " + args[0] + ": " + read(home.resolveSibling(home.getFileName() + ".log")));
	}

	private static String read(Path p) {
		try {
			return Files.readString(p);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	static Path shared(String name) {
		return Stream.of(Path.of("../../shared/data", name), Path.of("../shared/data", name))
			.filter(Files::isDirectory)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("../shared/data/" + name + " is not beside the project"))
			.toAbsolutePath()
			.normalize();
	}

	private static List<String> sortedLines(Path p) throws IOException {
		return Files.readAllLines(p, StandardCharsets.UTF_8).stream().sorted().toList();
	}

}
