package org.qinglian.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public intake under load, as {@code bench/intake.sh} runs it against a real server:
 * <ul>
 * <li>{@code load URL REGION SECONDS CLIENTS RECEIPTS}: clients post anonymous reports
 * through {@code POST /api/v1/public/reports} as fast as the server answers; every
 * receipt returned is appended to the file (and flushed) before the client sends again;
 * prints accepted reports a second and the latencies (p50, p99);</li>
 * <li>{@code verify URL RECEIPTS}: follows every receipt in the file and prints how many
 * the server no longer knows (lost).</li>
 * </ul>
 */
public final class IntakeBenchmark {

	private IntakeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args[0].equals("load")) {
			load(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
		}
		else {
			verify(args[1], Path.of(args[2]));
		}
	}

	static void load(String url, String region, int seconds, int clients, Path receipts) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		URI uri = URI.create(url + "/api/v1/public/reports");
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong accepted = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicBoolean serverGone = new AtomicBoolean();
		List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try (BufferedWriter out = Files.newBufferedWriter(receipts, StandardCharsets.US_ASCII,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
			long started = System.nanoTime();
			for (int c = 0; c < clients; c++) {
				int client = c;
				pool.submit(() -> {
					long[] mine = new long[1 << 20];
					int n = 0;
					long i = 0;
					while (System.nanoTime() < end && !serverGone.get()) {
						String body = "{\"region_code\":\"" + region + "\",\"kind\":\"accusation\",\"anonymous\":true,"
								+ "\"text\":\"压测 client " + client + " report " + (i++) + "：村里的工程款去向不明。\"}";
						HttpRequest request = HttpRequest.newBuilder(uri)
							.timeout(Duration.ofSeconds(30))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build();
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
							long took = System.nanoTime() - t0;
							if (response.statusCode() == 201) {
								String receipt = response.body().replaceAll("\\D", "");
								synchronized (out) {
									out.write(receipt);
									out.newLine();
									out.flush();
								}
								accepted.incrementAndGet();
								if (n < mine.length) {
									mine[n++] = took;
								}
							}
							else {
								failed.incrementAndGet();
							}
						}
						catch (IOException ex) {
							failed.incrementAndGet();
							serverGone.set(true);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
					}
					latencies.add(java.util.Arrays.copyOf(mine, n));
				});
			}
			pool.shutdown();
			pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
			double elapsed = (System.nanoTime() - started) / 1e9;
			long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
			System.out.printf("clients %d, %.1f s: %,d reports accepted (%.0f/s), %,d failed%s%n", clients, elapsed,
					accepted.get(), accepted.get() / elapsed, failed.get(), serverGone.get() ? " (server gone)" : "");
			if (all.length > 0) {
				System.out.printf("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", all[all.length / 2] / 1e6,
						all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);
			}
		}
	}

	static void verify(String url, Path receipts) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<String> codes = Files.readAllLines(receipts).stream().filter(s -> !s.isBlank()).toList();
		AtomicLong lost = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (String code : codes) {
			pool.submit(() -> {
				try {
					HttpResponse<String> r = http.send(
							HttpRequest.newBuilder(URI.create(url + "/api/v1/public/reports/" + code)).GET().build(),
							HttpResponse.BodyHandlers.ofString());
					if (r.statusCode() != 200) {
						lost.incrementAndGet();
					}
				}
				catch (IOException | InterruptedException ex) {
					lost.incrementAndGet();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		System.out.printf("receipts returned before the kill: %,d; found after restart: %,d; lost: %d%n", codes.size(),
				codes.size() - lost.get(), lost.get());
	}

}
