package org.qinglian.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The application modules in the order their migrations run, as Spring Modulith derives
 * it from the code (a test keeps the two the same): read from a file at start, because
 * deriving it means analysing every class of the platform, which took 4 s of a command's
 * start.
 */
public final class ModuleOrder {

	/** Where the order is, one module a line. */
	public static final String RESOURCE = "META-INF/qinglian/modules.txt";

	private ModuleOrder() {
	}

	public static List<String> read() {
		try (InputStream in = ModuleOrder.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the platform's jar");
			}
			return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				.map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
