package org.qinglian.disclosure.internal;

import java.io.PrintStream;
import java.util.List;

import org.qinglian.disclosure.Publications;
import org.qinglian.disclosure.Publications.Verification;
import org.qinglian.platform.Command;
import org.qinglian.platform.CommandOptions;

import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * {@code disclosure verify}: checks the publication log as anyone could, from what is
 * published: every version's content against its hash, every act's versions against its
 * items hash, and the chain of acts.
 */
@Component
class DisclosureCommand implements Command {

	private final Publications publications;

	DisclosureCommand(Publications publications) {
		this.publications = publications;
	}

	@CommandLine.Command(name = "disclosure",
			description = "Verifies the publication log (公开): every version's hash, every act and their chain.")
	static final class Options {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "verify")
		String action;

	}

	@Override
	public String name() {
		return "disclosure";
	}

	@Override
	public String usage() {
		return "verify    check the publication log: every version's hash, every act and their chain";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (!"verify".equals(CommandOptions.parse(new Options(), args).action)) {
			throw new Command.UsageException("the only action is verify");
		}
		Verification v = publications.verify();
		if (v.intact()) {
			out.printf("The publication log is intact: %,d acts and %,d versions checked.%n", v.acts(), v.versions());
			return 0;
		}
		err.printf("The publication log is broken at act %d: %s.%n", v.brokenAct(), v.reason());
		return 1;
	}

}
