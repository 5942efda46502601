package org.qinglian.platform.cli;

import java.lang.management.ManagementFactory;

import java.util.Comparator;
import java.util.List;

import org.qinglian.platform.Command;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Runs the command named by the first argument when the jar is started as a command. */
@Component
@Profile("cli")
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

	private final List<Command> commands;

	private int exitCode;

	CommandLineDispatcher(List<Command> commands) {
		this.commands = commands.stream().sorted(Comparator.comparing(Command::name)).toList();
	}

	@Override
	public void run(ApplicationArguments arguments) {
		List<String> args = List.of(arguments.getSourceArgs());
		String name = args.isEmpty() ? "help" : args.get(0);
		Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
		if (command == null) {
			help();
			exitCode = name.equals("help") || name.equals("--help") ? 0 : 2;
			return;
		}
		if (Boolean.getBoolean("qinglian.timing")) {
			// how long the start took before the command's own work (bench/scale.sh reads
			// it)
			System.err.printf("qinglian: %s begins %.2f s after the JVM started%n", name,
					ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
		}
		try {
			exitCode = Command.execute(command, args.subList(1, args.size()), System.out, System.err);
		}
		catch (Exception ex) {
			System.err.println(
					name + " failed: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
			exitCode = 1;
		}
	}

	private void help() {
		System.out.println("Usage: java -jar qinglian.jar [COMMAND ARGS]   (no command: start the web platform)");
		for (Command c : commands) {
			System.out.printf("  %-8s %s%n", c.name(), c.usage());
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
