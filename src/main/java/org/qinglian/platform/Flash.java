package org.qinglian.platform;

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
		redirect.addFlashAttribute("noticeArgs", args);
	}

	public static void problem(RedirectAttributes redirect, String messageKey, Object... args) {
		redirect.addFlashAttribute("problemKey", messageKey);
		redirect.addFlashAttribute("problemArgs", args);
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
