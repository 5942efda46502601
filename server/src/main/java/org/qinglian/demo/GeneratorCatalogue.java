package org.qinglian.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default power list (the 28 items of {@code src/main/resources/catalogue}) as the
 * generator uses it: the flow of each item, to record uses of power that follow it, and
 * the files copied into the bundle as they are.
 */
final class GeneratorCatalogue {

	/** The files of the default catalogue. */
	static final List<String> FILES = List.of("power_items.csv", "power_steps.csv", "red_lines.csv");

	/** A step of an item's flow, as {@code power_steps.csv} has it. */
	record FlowStep(String code, String name, List<String> after, Integer minDays, Integer maxDays, boolean optional) {

		static FlowStep of(String[] f) {
			return new FlowStep(f[1], f[3], f[5].isEmpty() ? List.of() : List.of(f[5].split(";")),
					f[6].isEmpty() ? null : Integer.valueOf(f[6]), f[7].isEmpty() ? null : Integer.valueOf(f[7]),
					f[9].equals("true"));
		}

	}

	private final Map<String, List<FlowStep>> flows = new LinkedHashMap<>();

	private final Map<String, String> names = new HashMap<>();

	GeneratorCatalogue() throws IOException {
		for (String[] f : rows("power_steps.csv")) {
			flows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(FlowStep.of(f));
		}
		for (String[] f : rows("power_items.csv")) {
			names.put(f[0], f[2]);
		}
	}

	/** The items, in the catalogue's order. */
	List<String> items() {
		return List.copyOf(flows.keySet());
	}

	List<FlowStep> flow(String item) {
		return flows.get(item);
	}

	String name(String item) {
		return names.getOrDefault(item, item);
	}

	/** Copies the catalogue's files into the bundle. */
	void copyInto(BundleWriter w) throws IOException {
		for (String file : FILES) {
			try (BufferedReader r = resource(file)) {
				var sheet = w.sheet(file, r.readLine());
				String line;
				while ((line = r.readLine()) != null) {
					sheet.row((Object[]) splitCsv(line));
				}
			}
		}
	}

	/**
	 * The rows of a file of the catalogue, split at every comma (steps and items have no
	 * quotes).
	 */
	private static List<String[]> rows(String file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader r = resource(file)) {
			r.readLine();
			String line;
			while ((line = r.readLine()) != null) {
				rows.add(line.split(",", -1));
			}
		}
		return rows;
	}

	private static String[] splitCsv(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder f = new StringBuilder();
		boolean q = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (q) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					f.append('"');
					i++;
				}
				else if (c == '"') {
					q = false;
				}
				else {
					f.append(c);
				}
			}
			else if (c == '"') {
				q = true;
			}
			else if (c == ',') {
				out.add(f.isEmpty() ? null : f.toString());
				f.setLength(0);
			}
			else {
				f.append(c);
			}
		}
		out.add(f.isEmpty() ? null : f.toString());
		return out.toArray(String[]::new);
	}

	private static BufferedReader resource(String file) {
		InputStream in = GeneratorCatalogue.class.getResourceAsStream("/catalogue/" + file);
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
	}

}
