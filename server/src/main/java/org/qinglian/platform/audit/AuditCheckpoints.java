package org.qinglian.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.Mac;
import org.qinglian.platform.OwnerOnlyFiles;

/**
 * The checkpoints of the audit log's head, one line each in {@code checkpoints.log}
 * outside the database: {@code v1 INSTALLATION SEQ HEAD-MAC AT TAG}, the tag a MAC over
 * the rest ({@link AuditEncoding#checkpoint}). A log that lost its tail, or was
 * rewritten, no longer reaches a checkpoint's head.
 */
final class AuditCheckpoints {

	static final String FILE = "checkpoints.log";

	/** A checkpoint as read back; {@code authentic} is false when its tag fails. */
	record Checkpoint(int line, String installation, long seq, String headMac, Instant at, boolean authentic) {
	}

	private final Path file;

	AuditCheckpoints(Path dir) {
		this.file = dir.toAbsolutePath().normalize().resolve(FILE);
	}

	Path file() {
		return file;
	}

	synchronized void append(Mac mac, String installation, long seq, String headMac, Instant at) {
		try {
			if (!Files.exists(file)) {
				// owner-only from the start
				OwnerOnlyFiles.create(file).close();
			}
			String tag = Base64.getEncoder()
				.encodeToString(mac.computeMac(AuditEncoding.checkpoint(installation, seq, headMac, at)));
			String line = String.join(" ", "v1", installation, Long.toString(seq), headMac, AuditEncoding.instant(at),
					tag) + "\n";
			try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.WRITE)) {
				out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
				out.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the audit checkpoint " + file + ": " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<Checkpoint> read(Mac mac) {
		List<Checkpoint> out = new ArrayList<>();
		if (!Files.exists(file)) {
			return out;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit checkpoints " + file, ex);
		}
		for (int i = 0; i < lines.size(); i++) {
			String[] f = lines.get(i).split(" ");
			if (f.length != 6 || !f[0].equals("v1")) {
				out.add(new Checkpoint(i + 1, null, -1, null, null, false));
				continue;
			}
			try {
				long seq = Long.parseLong(f[2]);
				Instant at = Instant.parse(f[4]);
				mac.verifyMac(Base64.getDecoder().decode(f[5]), AuditEncoding.checkpoint(f[1], seq, f[3], at));
				out.add(new Checkpoint(i + 1, f[1], seq, f[3], at, true));
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				out.add(new Checkpoint(i + 1, f[1], -1, null, null, false));
			}
		}
		return out;
	}

}
