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

}
