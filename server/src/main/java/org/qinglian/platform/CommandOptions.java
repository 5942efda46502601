package org.qinglian.platform;

import java.util.List;

import org.qinglian.platform.Command.UsageException;
import picocli.CommandLine;

/**
 * A command's arguments read by picocli into a class of typed options: the class is
 * annotated with {@link CommandLine.Command} (its name and description), its fields with
 * {@link CommandLine.Option} and {@link CommandLine.Parameters}, and a {@link Help}
 * mixin. What picocli refuses is a {@link UsageException} with picocli's reason;
 * {@code --help} is a {@link HelpRequested} with the command's help.
 */
public final class CommandOptions {

	private CommandOptions() {
	}

	/** The options, filled from the arguments. */
	public static <T> T parse(T options, List<String> args) {
		// no @file expansion: an argument is what was typed
		CommandLine line = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).setExpandAtFiles(false);
		try {
			line.parseArgs(args.toArray(String[]::new));
		}
		catch (CommandLine.ParameterException ex) {
			throw new UsageException(ex.getMessage());
		}
		if (line.isUsageHelpRequested()) {
			throw new HelpRequested(line.getUsageMessage());
		}
		return options;
	}

	/** The {@code -h}, {@code --help} option every command has (a picocli mixin). */
	public static final class Help {

		@CommandLine.Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
		boolean help;

	}

	/**
	 * {@code --help} was asked for: the command's help, to print instead of running it.
	 */
	public static final class HelpRequested extends RuntimeException {

		private final String help;

		HelpRequested(String help) {
			super("help");
			this.help = help;
		}

		public String help() {
			return help;
		}

	}

}
