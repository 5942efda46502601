package org.qinglian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Bundles a test changes: a copy of one, and its manifest kept true to a changed file.
 */
public final class TestBundles {

	private TestBundles() {
	}

	/** A copy of the bundle in a new temporary folder. */
	public static Path copy(Path from) throws IOException {
		Path to = Files.createTempDirectory("bundle");
		try (var files = Files.walk(from)) {
			for (Path f : files.toList()) {
				Path target = to.resolve(from.relativize(f).toString());
				if (Files.isDirectory(f)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(f, target);
				}
			}
		}
		return to;
	}

	/** Writes the file's SHA-256 into the bundle's manifest (its row count unchanged). */
	public static void rehash(Path bundle, String file) throws Exception {
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle.resolve(file))));
		Path manifest = bundle.resolve("manifest.json");
		String json = Files.readString(manifest);
		json = json.replaceFirst(
				"(\"" + file.replace(".", "\\.") + "\"\\s*:\\s*\\{[^}]*\"sha256\"\\s*:\\s*\")[0-9a-f]+", "$1" + hash);
		Files.writeString(manifest, json);
	}

}
