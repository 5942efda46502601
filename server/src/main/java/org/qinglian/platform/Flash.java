package org.qinglian.platform;

import java.io.Serializable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The messages a redirect carries to the next page, which {@code fragments/page :: flash}
 * shows: a notice (something done) or a problem (something refused), each a message key
 * with its arguments, so that the page says it in the user's language.
 */
public final class Flash {

	private Flash() {
	}

	public static void notice(RedirectAttributes redirect, String messageKey, Object... args) {
		redirect.addFlashAttribute("noticeKey", messageKey);
		redirect.addFlashAttribute("noticeArgs", storable(args));
	}

	public static void problem(RedirectAttributes redirect, String messageKey, Object... args) {
		redirect.addFlashAttribute("problemKey", messageKey);
		redirect.addFlashAttribute("problemArgs", storable(args));
	}

	/**
	 * The arguments as a session in the database can keep them: what is not
	 * {@link Serializable} by its text.
	 */
	private static Object[] storable(Object[] args) {
		Object[] out = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			out[i] = args[i] == null || args[i] instanceof Serializable ? args[i] : String.valueOf(args[i]);
		}
		return out;
	}

	/**
	 * Does what a form asks: the notice when it is done, the refusal's message when it is
	 * {@link Refused}.
	 * @return whether it was done
	 */
	public static boolean attempt(RedirectAttributes redirect, String noticeKey, Runnable action) {
		try {
			action.run();
			notice(redirect, noticeKey);
			return true;
		}
		catch (Refused ex) {
			problem(redirect, ex.messageKey(), ex.args().toArray());
			return false;
		}
	}

}
