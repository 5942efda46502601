package org.qinglian.platform.exchange;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.*;

import org.qinglian.platform.Exchange;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.PersonalDataCipher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import tools.jackson.databind.json.JsonMapper;

public class ReaderProfile {

	public static void main(String[] args) throws Exception {
		var ctx = new AnnotationConfigApplicationContext();
		for (String n : List.of("jurisdiction.JurisdictionExchange", "assets.AssetsExchange",
				"powerlist.PowerListExchange", "intake.IntakeExchange", "casework.CaseworkExchange")) {
			ctx.register(Class.forName("org.qinglian." + n));
		}
		ctx.refresh();
		ExchangeFiles files = new ExchangeFiles(new ArrayList<>(ctx.getBeansOfType(ExchangeFile.class).values()));
		Path path = Path.of(args[0]);
		for (int run = 0; run < 4; run++) {
			long t0 = System.nanoTime();
			try (Bundle bundle = Bundle.open(path, new ImportLimits(1L << 30, 100, 1 << 20))) {
				Map<String, Long> rows = new HashMap<>();
				Map<String, String> hashes = new HashMap<>();
				var json = JsonMapper.builder().build().readTree(bundle.open("manifest.json").readAllBytes());
				for (var e : json.path("files").properties()) {
					if (!e.getKey().startsWith("labels/")) {
						rows.put(e.getKey(), e.getValue().path("rows").asLong());
						hashes.put(e.getKey(), e.getValue().path("sha256").asString());
					}
				}
				var manifest = new ManifestChecks.Manifest("330683", "x", rows, hashes, null, null, "1");
				List<ExchangeFile> present = files.all().stream().filter(f -> rows.containsKey(f.file())).toList();
				Map<String, RowIndex> idx = new HashMap<>();
				Map<String, BundleReader.TableShape> shapes = new HashMap<>();
				for (ExchangeFile f : present) {
					int[] max = new int[f.columns().size()];
					Arrays.fill(max, Integer.MAX_VALUE);
					BinaryCopyEncoder.Kind[] kinds = new BinaryCopyEncoder.Kind[max.length];
					Arrays.fill(kinds, BinaryCopyEncoder.Kind.TEXT);
					shapes.put(f.file(), new BundleReader.TableShape(max, kinds));
					for (var c : f.columns()) {
						for (String r : c.references()) {
							idx.computeIfAbsent(r,
									k -> new RowIndex(files.byName(k), k.equals("regions.csv") ? List.of("level")
											: k.equals("power_exercises.csv") ? List.of("item_code") : List.of()));
						}
					}
				}
				idx.computeIfAbsent("power_steps.csv", k -> new RowIndex(files.byName(k), List.of()));
				Problems problems = new Problems();
				long[] bytes = { 0 };
				var reader = new BundleReader(bundle, manifest, present, idx, shapes, new PersonalDataCipher() {
					public String encrypt(String v, Place p) {
						return "enc" + v;
					}

					public String decrypt(String v, Place p) {
						return v;
					}

					public String seal(String v, Place p) {
						return "enc" + v;
					}

					public String open(String v, Place p) {
						return v;
					}
				}, problems, Exchange.Progress.NONE);
				long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
				reader.read(new BundleReader.Sink() {
					public boolean cancelled() {
						return false;
					}

					public void begin(ExchangeFile f) {
					}

					public void rows(byte[] b) {
						bytes[0] += b.length;
					}

					public void end(ExchangeFile f, boolean good) {
					}
				});
				System.out.printf("run %d: %d ms (cpu %d ms), %d problems, %d bytes%n", run,
						(System.nanoTime() - t0) / 1_000_000,
						(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000,
						problems.total(), bytes[0]);
				if (problems.any()) {
					System.out.println(problems.rejection(files.names()).problems().subList(0, 3));
				}
			}
		}
	}

}
