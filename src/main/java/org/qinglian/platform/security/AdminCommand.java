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
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.AccountException;
import org.qinglian.platform.UserAccounts.NewUser;

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
		if (args.size() < 2 || !args.get(0).equals("create")) {
			err.println("Usage: admin " + usage());
			return 2;
		}
		String username = args.get(1);
		Role role = Role.COUNTY_ADMIN;
		String region = null;
		String display = null;
		for (int i = 2; i < args.size(); i++) {
			String a = args.get(i);
			String value = i + 1 < args.size() ? args.get(++i) : null;
			if (value == null) {
				err.println("Option " + a + " needs a value. Usage: admin " + usage());
				return 2;
			}
			switch (a) {
				case "--role" -> {
					Role r = Arrays.stream(Role.values()).filter(x -> x.code().equals(value)).findFirst().orElse(null);
					if (r == null) {
						err.println("--role: '" + value + "' is not one of "
								+ Arrays.stream(Role.values()).map(Role::code).toList());
						return 2;
					}
					role = r;
				}
				case "--region" -> region = value;
				case "--name" -> display = value;
				default -> {
					err.println("Unknown option " + a + ". Usage: admin " + usage());
					return 2;
				}
			}
		}
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
