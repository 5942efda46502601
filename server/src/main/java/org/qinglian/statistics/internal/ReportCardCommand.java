package org.qinglian.statistics.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.qinglian.platform.Command;
import org.qinglian.platform.CommandOptions;
import org.qinglian.platform.OwnerOnlyFiles;
import org.qinglian.platform.Registry;
import org.qinglian.statistics.ReportCard;
import picocli.CommandLine;

import org.springframework.stereotype.Component;

/**
 * {@code report-card --year Y [--region CODE] [--out FILE]}: the year's report card as
 * the spec's {@code report-card.csv}, to the file or the standard output.
 */
@Component
class ReportCardCommand implements Command {

	private final ReportCard card;

	private final Registry registry;

	ReportCardCommand(ReportCard card, Registry registry) {
		this.card = card;
		this.registry = registry;
	}

	@CommandLine.Command(name = "report-card",
			description = "Writes the year's report card (成绩单) of the county or a township as report-card.csv.")
	static final class Options {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Option(names = "--year", required = true, paramLabel = "Y", description = "the year")
		int year;

		@CommandLine.Option(names = "--region", paramLabel = "CODE",
				description = "a township's code (default: the county)")
		String region;

		@CommandLine.Option(names = "--out", paramLabel = "FILE", description = "write to this file (owner-only)")
		Path out;

	}

	@Override
	public String name() {
		return "report-card";
	}

	@Override
	public String usage() {
		return "--year Y [--region CODE] [--out FILE]   the year's report card as report-card.csv";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
		Options options = CommandOptions.parse(new Options(), args);
		String region = options.region;
		if (region == null) {
			List<String> counties = registry.counties();
			if (counties.size() != 1) {
				throw new Command.UsageException(counties.isEmpty() ? "no county has been imported yet"
						: "several counties are imported: name one with --region");
			}
			region = counties.get(0);
		}
		else if (registry.regionName(region).isEmpty()) {
			throw new Command.UsageException("--region " + region + " is not a region of the registry");
		}
		List<ReportCard.Metric> metrics;
		try {
			metrics = card.of(options.year, region);
		}
		catch (IllegalArgumentException ex) {
			throw new Command.UsageException(ex.getMessage());
		}
		if (options.out == null) {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			ReportCard.writeCsv(metrics, w);
			w.flush();
		}
		else {
			try (Writer w = new BufferedWriter(
					new OutputStreamWriter(OwnerOnlyFiles.create(options.out), StandardCharsets.UTF_8))) {
				ReportCard.writeCsv(metrics, w);
			}
			err.printf("Wrote %d metrics of %s for %d to %s%n", metrics.size(), region, options.year, options.out);
		}
		return 0;
	}

}
