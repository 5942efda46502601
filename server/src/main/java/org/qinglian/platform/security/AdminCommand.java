package org.qinglian.platform.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.qinglian.platform.Command;
import org.qinglian.platform.Command.UsageException;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.AccountException;
import org.qinglian.platform.UserAccounts.NewUser;
import org.qinglian.platform.CommandOptions;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code admin create NAME}: the first administrator (or any account), made by whoever
 * runs the installation. The password is asked twice on a terminal, or read as one line
 * from standard input; a weak one is refused with the reason.
 */
@Component
class AdminCommand implements Command {

	private final UserAccounts users;

	private final Registry registry;

	/** Where the password comes from; standard input unless a test says otherwise. */
	private final PasswordSource passwords;

	interface PasswordSource {

		/** The password, or {@code null} when none was given. */
		String read(PrintStream out) throws IOException;

	}

	@Autowired
	AdminCommand(UserAccounts users, Registry registry) {
		this(users, registry, AdminCommand::fromConsoleOrStdin);
	}

	AdminCommand(UserAccounts users, Registry registry, PasswordSource passwords) {
		this.users = users;
		this.registry = registry;
		this.passwords = passwords;
	}

	@CommandLine.Command(name = "admin",
			description = "Makes an account; the password is asked twice on a terminal, or read as one line.")
	static final class Options {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "create")
		String action;

		@CommandLine.Parameters(index = "1", paramLabel = "NAME", description = "the username")
		String username;

		@CommandLine.Option(names = "--role", defaultValue = "county_admin",
				description = "county_admin (the default), county_staff, township_staff, village_monitor, "
						+ "village_cadre, custodian or auditor")
		Role role;

		@CommandLine.Option(names = "--region", paramLabel = "CODE",
				description = "the jurisdiction (the county by default)")
		String region;

		@CommandLine.Option(names = "--name", paramLabel = "DISPLAY", description = "the name shown")
		String name;

	}

	@Override
	public String name() {
		return "admin";
	}

	@Override
	public String usage() {
		return "create NAME [--role ROLE] [--region CODE] [--name DISPLAY]   make an account (the first administrator)";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
		Options o = CommandOptions.parse(new Options(), args);
		if (!o.action.equals("create")) {
			throw new UsageException("the only action is create");
		}
		String username = o.username;
		Role role = o.role;
		String region = o.region;
		String display = o.name;
		if (region == null) {
			List<String> counties = registry.counties();
			if (counties.size() != 1) {
				err.println(counties.isEmpty()
						? "No county is loaded yet: import its bundle first (import BUNDLE), or give --region CODE"
						: "Several counties are loaded: give --region CODE");
				return 1;
			}
			region = counties.get(0);
		}
		if (users.exists(username)) {
			err.println("username: '" + username + "' is taken");
			return 1;
		}
		String password = passwords.read(out);
		if (password == null) {
			err.println("No password given (type it twice on a terminal, or give it as one line on standard input)");
			return 1;
		}
		try {
			users.create(
					new NewUser(username, display == null ? username : display, password, role, region, null, false));
		}
		catch (AccountException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		out.printf("Created %s (%s) for region %s. Sign in at /login.%n", username, role.code(), region);
		return 0;
	}

	private static String fromConsoleOrStdin(PrintStream out) throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("Password: ");
			char[] second = console.readPassword("The same password again: ");
			if (first == null || second == null) {
				return null;
			}
			if (!Arrays.equals(first, second)) {
				throw new IllegalArgumentException("the two passwords differ");
			}
			return new String(first);
		}
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line = in.readLine();
		return line == null || line.isEmpty() ? null : line;
	}

}
