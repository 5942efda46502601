package org.qinglian.risk.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.qinglian.platform.Command;
import org.qinglian.platform.OwnerOnlyFiles;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.ScanReport;
import org.qinglian.platform.CommandOptions;
import picocli.CommandLine;

import org.springframework.stereotype.Component;

/** {@code scan [--out findings.csv]}: runs every rule over all data. */
@Component
class ScanCommand implements Command {

	private final RiskLibrary library;

	ScanCommand(RiskLibrary library) {
		this.library = library;
	}

	@CommandLine.Command(name = "scan", description = "Runs every risk rule over all data and reconciles the findings.")
	static final class Options {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Option(names = "--out", paramLabel = "FILE",
				description = "also write the findings as findings.csv (owner-only)")
		Path out;

		@CommandLine.Option(names = "--all",
				description = "run every rule over all data, even where nothing it reads changed since it last ran")
		boolean all;

	}

	@Override
	public String name() {
		return "scan";
	}

	@Override
	public String usage() {
		return "[--out FILE] [--all]   run the risk rules over what changed since they last ran (--all: over all data); "
				+ "write the findings as findings.csv";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
		Options options = CommandOptions.parse(new Options(), args);
		Path file = options.out;
		long started = System.nanoTime();
		RiskLibrary.ScanProgress progress = (rule, done, total) -> {
			int filled = total == 0 ? 30 : done * 30 / total;
			err.printf("\r[%s%s] %2d/%d %-32s %5.1f s", "#".repeat(filled), " ".repeat(30 - filled), done, total, rule,
					(System.nanoTime() - started) / 1e9);
			err.flush();
		};
		ScanReport r = options.all ? library.scanAll(progress) : library.scan(progress);
		err.println();
		out.printf("%d rules: %,d findings (%,d new, %,d changed, %,d withdrawn) in %.1f s%n", r.rules(), r.findings(),
				r.created(), r.changed(), r.withdrawn(), r.millis() / 1000.0);
		if (r.skipped() > 0 || r.byRegion() > 0) {
			out.printf("%d rules not run again (nothing they read changed), %d run for the %d regions changed only%n",
					r.skipped(), r.byRegion(), r.regions().size());
		}
		if (file != null) {
			try (BufferedWriter w = new BufferedWriter(
					new OutputStreamWriter(OwnerOnlyFiles.create(file), StandardCharsets.UTF_8))) {
				long n = library.writeFindings(w);
				out.printf("Wrote %,d findings to %s%n", n, file);
			}
		}
		return 0;
	}

}
