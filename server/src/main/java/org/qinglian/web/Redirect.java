package org.qinglian.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A redirect to a page named by a record's id: the id is encoded into the path, so that
 * an id the format allows ({@code {x}}, {@code a/b}, {@code 甲}) never reads as a URI
 * template or another path.
 */
public final class Redirect {

	private Redirect() {
	}

	/** {@code redirect:} to the path template with its variables encoded. */
	public static String to(String template, Object... variables) {
		return "redirect:" + UriComponentsBuilder.fromPath(template).encode().buildAndExpand(variables).toUriString();
	}

}
