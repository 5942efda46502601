package org.qinglian.platform.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Command;
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
		return new Command() {

			@Override
			public String name() {
				return "import";
			}

			@Override
			public String usage() {
				return "BUNDLE    check a QDX bundle (folder or .zip) and load it, all or nothing";
			}

			@Override
			public int run(List<String> args, PrintStream out, PrintStream err) {
				if (args.size() != 1) {
					err.println("Usage: import BUNDLE (a folder or a .zip holding manifest.json)");
					return 2;
				}
				return importBundle(exchange, Path.of(args.get(0)), out, err);
			}
		};
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
				if (!exchange.awaitFollowUps(java.time.Duration.ofMinutes(30))) {
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
		return new Command() {

			@Override
			public String name() {
				return "export";
			}

			@Override
			public String usage() {
				return "DIR [--with-identities]   write all data as a QDX bundle into DIR (reporters' identities sealed unless asked for)";
			}

			@Override
			public int run(List<String> args, PrintStream out, PrintStream err) {
				List<String> dirs = args.stream().filter(a -> !a.equals("--with-identities")).toList();
				if (dirs.size() != 1 || dirs.get(0).startsWith("-")) {
					err.println("Usage: export " + usage());
					return 2;
				}
				boolean identities = args.contains("--with-identities");
				ExportReport r = exchange.exportBundle(Path.of(dirs.get(0)), identities);
				out.printf("Exported %,d rows in %d files to %s%s%n", r.rows(), r.files(), dirs.get(0),
						identities ? " (reporters' identities in clear: keep these files safe)" : "");
				return 0;
			}
		};
	}

	@Bean
	Command auditCommand(AuditLog audit) {
		return new Command() {

			@Override
			public String name() {
				return "audit";
			}

			@Override
			public String usage() {
				return "verify    check the audit log's chain of MACs and its checkpoints";
			}

			@Override
			public int run(List<String> args, PrintStream out, PrintStream err) {
				if (!args.equals(List.of("verify"))) {
					err.println("Usage: audit verify");
					return 2;
				}
				AuditLog.Verification v = audit.verify();
				if (v.intact()) {
					out.printf("The audit log is intact: %,d entries and %,d checkpoints checked.%n", v.entries(),
							v.checkpoints());
					return 0;
				}
				err.printf("The audit log is broken at entry %d: %s.%n", v.firstBroken(), v.reason());
				return 1;
			}
		};
	}

}
