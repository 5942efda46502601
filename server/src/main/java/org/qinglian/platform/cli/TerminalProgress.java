package org.qinglian.platform.cli;

import java.io.PrintStream;

import org.qinglian.platform.Exchange.Progress;

/** A progress bar on the terminal, redrawn at most five times a second. */
final class TerminalProgress implements Progress {

	private static final int WIDTH = 30;

	private final PrintStream err;

	private final long started = System.nanoTime();

	private long lastDraw;

	private long rowsBefore;

	private long rowsInFile;

	private String file = "";

	TerminalProgress(PrintStream err) {
		this.err = err;
	}

	@Override
	public void update(String file, long bytesDone, long bytesTotal, long rows) {
		if (!file.equals(this.file)) {
			rowsBefore += rowsInFile;
			this.file = file;
		}
		rowsInFile = rows;
		long now = System.nanoTime();
		if (now - lastDraw < 200_000_000L && bytesDone < bytesTotal) {
			return;
		}
		lastDraw = now;
		double share = bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal;
		int filled = (int) Math.round(share * WIDTH);
		long total = rowsBefore + rowsInFile;
		double seconds = Math.max((now - started) / 1e9, 1e-3);
		err.printf("\r[%s%s] %3d%% %-22s %,12d rows %,10d rows/s", "#".repeat(filled), " ".repeat(WIDTH - filled),
				Math.round(share * 100), file, total, Math.round(total / seconds));
		err.flush();
	}

	void finish() {
		if (lastDraw != 0) {
			err.println();
		}
	}

}
