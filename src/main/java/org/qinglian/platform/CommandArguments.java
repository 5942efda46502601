package org.qinglian.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinglian.platform.Command.UsageException;

/**
 * A command's arguments: options that take a value ({@code --seed 42}), flags
 * ({@code --no-load}) and the rest in order. Anything else that starts with {@code --},
 * an option without its value, or a value that is not what it should be is a
 * {@link UsageException} naming it.
 */
public final class CommandArguments {

	private final List<String> positional = new ArrayList<>();

	private final Map<String, String> options = new HashMap<>();

	private final Set<String> flags = new HashSet<>();

	private CommandArguments() {
	}

	/** Reads the arguments: {@code options} take a value, {@code flags} do not. */
	public static CommandArguments parse(List<String> args, Set<String> options, Set<String> flags) {
		CommandArguments a = new CommandArguments();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (options.contains(arg)) {
				if (i + 1 >= args.size()) {
					throw new UsageException("option " + arg + " needs a value");
				}
				a.options.put(arg, args.get(++i));
			}
			else if (flags.contains(arg)) {
				a.flags.add(arg);
			}
			else if (arg.startsWith("--")) {
				throw new UsageException("unknown option " + arg);
			}
			else {
				a.positional.add(arg);
			}
		}
		return a;
	}

	/** The arguments that are neither options nor flags, in order. */
	public List<String> positional() {
		return positional;
	}

	/** The positional arguments, which must be exactly {@code n}. */
	public List<String> positional(int n) {
		if (positional.size() != n) {
			throw new UsageException(null);
		}
		return positional;
	}

	public boolean flag(String name) {
		return flags.contains(name);
	}

	public String option(String name, String otherwise) {
		return options.getOrDefault(name, otherwise);
	}

	/** A whole number between {@code min} and {@code max}. */
	public long number(String name, long otherwise, long min, long max) {
		String value = options.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			long n = Long.parseLong(value);
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
	}

}
