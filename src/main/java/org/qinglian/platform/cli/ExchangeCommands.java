package org.qinglian.platform.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Command;
import org.qinglian.platform.CommandArguments;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Exchange.ExportReport;
import org.qinglian.platform.Exchange.ImportReport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's commands: {@code import}, {@code export}, {@code audit verify}. */
@Configuration(proxyBeanMethods = false)
class ExchangeCommands {

	@Bean
	Command importCommand(Exchange exchange) {
		return Command.of("import", "BUNDLE    check a QDX bundle (folder or .zip) and load it, all or nothing",
				(args, out, err) -> importBundle(exchange,
						Path.of(CommandArguments.parse(args, Set.of(), Set.of()).positional(1).get(0)), out, err));
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
					CommandArguments a = CommandArguments.parse(args, Set.of(), Set.of("--with-identities"));
					String dir = a.positional(1).get(0);
					boolean identities = a.flag("--with-identities");
					ExportReport r = exchange.exportBundle(Path.of(dir), identities);
					out.printf("Exported %,d rows in %d files to %s%s%n", r.rows(), r.files(), dir,
							identities ? " (reporters' identities in clear: keep these files safe)" : "");
					return 0;
				});
	}

	@Bean
	Command auditCommand(AuditLog audit) {
		return Command.of("audit", "verify    check the audit log's chain of MACs and its checkpoints",
				(args, out, err) -> {
					if (!CommandArguments.parse(args, Set.of(), Set.of()).positional(1).get(0).equals("verify")) {
						throw new Command.UsageException(null);
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
