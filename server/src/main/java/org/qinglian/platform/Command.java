package org.qinglian.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar's command line ({@code java -jar qinglian.jar NAME ARGS}). Modules
 * contribute their commands as beans.
 */
public interface Command {

	/** The first argument that selects this command. */
	String name();

	/** One line: arguments and what the command does. */
	String usage();

	/**
	 * Runs the command.
	 * @param args the arguments after the name
	 * @param out where results go; problems go to {@code err}
	 * @return the process exit code: 0 for success
	 */
	int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

	/**
	 * Runs a command as the command line does: {@code --help} prints its help; arguments
	 * that are not what its usage says are answered with the reason and the usage, and
	 * the exit code 2.
	 */
	static int execute(Command command, List<String> args, PrintStream out, PrintStream err) throws Exception {
		try {
			return command.run(args, out, err);
		}
		catch (CommandOptions.HelpRequested help) {
			out.print(help.help());
			return 0;
		}
		catch (UsageException ex) {
			if (ex.getMessage() != null) {
				err.println(command.name() + ": " + ex.getMessage());
			}
			err.println("Usage: " + command.name() + " " + command.usage());
			return 2;
		}
	}

	/** A command from its name, its usage line and what it does. */
	static Command of(String name, String usage, Runner runner) {
		return new Command() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String usage() {
				return usage;
			}

			@Override
			public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
				return runner.run(args, out, err);
			}

		};
	}

	/** What a command does with its arguments. */
	@FunctionalInterface
	interface Runner {

		int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

	}

	/**
	 * The arguments are not what the command's usage says: the command line prints the
	 * reason (if any) and the usage, and exits with 2.
	 */
	class UsageException extends IllegalArgumentException {

		public UsageException(String reason) {
			super(reason);
		}

	}

}
