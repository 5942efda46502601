package org.qinglian.platform.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Command;
import org.qinglian.platform.CommandOptions;
import picocli.CommandLine;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Exchange.ExportReport;
import org.qinglian.platform.Exchange.ImportReport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's commands: {@code import}, {@code export}, {@code audit verify}. */
@Configuration(proxyBeanMethods = false)
class ExchangeCommands {

	@CommandLine.Command(name = "import", description = "Checks a QDX bundle and loads it, all or nothing.")
	static final class ImportOptions {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "BUNDLE",
				description = "a folder or a .zip holding manifest.json")
		Path bundle;

	}

	@CommandLine.Command(name = "export",
			description = "Writes all data as a QDX bundle (owner-only files) that imports back to the same rows.")
	static final class ExportOptions {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "DIR")
		Path dir;

		@CommandLine.Option(names = "--with-identities",
				description = "reporters' identities in clear (audited), not sealed for this installation")
		boolean withIdentities;

	}

	@CommandLine.Command(name = "audit", description = "Checks the audit log's chain of MACs and its checkpoints.")
	static final class AuditOptions {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "verify")
		String action;

	}

	@Bean
	Command importCommand(Exchange exchange) {
		return Command.of("import", "BUNDLE    check a QDX bundle (folder or .zip) and load it, all or nothing", (args,
				out, err) -> importBundle(exchange, CommandOptions.parse(new ImportOptions(), args).bundle, out, err));
	}

	/**
	 * Imports with a progress bar and prints the outcome; shared with the demo command.
	 */
	static int importBundle(Exchange exchange, Path bundle, PrintStream out, PrintStream err) {
		TerminalProgress progress = new TerminalProgress(err);
		try {
			ImportReport r = exchange.importBundle(bundle, progress);
			progress.finish();
			if (r.rowsChanged() == 0) {
				out.printf("Nothing changed: all %,d rows of %s are already in the database%s.%n", r.rowsRead(), bundle,
						r.importedBefore() ? " (this bundle was imported before)" : "");
			}
			else {
				out.printf("Imported %s: %,d rows read, %,d rows inserted or changed.%n", bundle, r.rowsRead(),
						r.rowsChanged());
			}
			out.printf("%,d rows in %.1f s: %,d rows/s%n", r.rowsRead(), r.millis() / 1000.0, r.rowsPerSecond());
			if (r.rowsChanged() > 0) {
				out.println("Checking the uses of power against their flows and scanning for integrity risks...");
				if (!exchange.awaitFollowUps(Duration.ofMinutes(30))) {
					err.println("The checks after the import have not finished; they resume at the next start.");
				}
			}
			return 0;
		}
		catch (BundleRejectedException ex) {
			progress.finish();
			err.println("The bundle " + bundle + " was not imported; nothing was written. Problems:");
			ex.problems().forEach(err::println);
			if (ex.total() > ex.problems().size()) {
				err.printf("... and %,d more problem(s), %,d in all.%n", ex.total() - ex.problems().size(), ex.total());
			}
			return 1;
		}
	}

	@Bean
	Command exportCommand(Exchange exchange) {
		return Command.of("export",
				"DIR [--with-identities]   write all data as a QDX bundle into DIR (reporters' identities sealed unless asked for)",
				(args, out, err) -> {
					ExportOptions o = CommandOptions.parse(new ExportOptions(), args);
					Path dir = o.dir;
					boolean identities = o.withIdentities;
					ExportReport r = exchange.exportBundle(dir, identities);
					out.printf("Exported %,d rows in %d files to %s%s%n", r.rows(), r.files(), dir,
							identities ? " (reporters' identities in clear: keep these files safe)" : "");
					return 0;
				});
	}

	@Bean
	Command auditCommand(AuditLog audit) {
		return Command.of("audit", "verify    check the audit log's chain of MACs and its checkpoints",
				(args, out, err) -> {
					if (!CommandOptions.parse(new AuditOptions(), args).action.equals("verify")) {
						throw new Command.UsageException("the only action is verify");
					}
					AuditLog.Verification v = audit.verify();
					if (v.intact()) {
						out.printf("The audit log is intact: %,d entries and %,d checkpoints checked.%n", v.entries(),
								v.checkpoints());
						return 0;
					}
					err.printf("The audit log is broken at entry %d: %s.%n", v.firstBroken(), v.reason());
					return 1;
				});
	}

}
