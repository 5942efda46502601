package org.qinglian.disclosure.web;

import java.util.regex.Pattern;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.Scope;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the public pages of a village share: the village named by the address (anything
 * that is not a village does not exist here) with its township for the heading, and a
 * month as the pages name it.
 */
@Component
class PublicVillages {

	/** A month as the pages name it. */
	static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private final Jurisdiction jurisdiction;

	PublicVillages(Jurisdiction jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	/** The village, put on the page with its township's name. */
	RegionView village(String code, Model model) {
		RegionView village = jurisdiction.region(code)
			.filter(RegionView::isVillage)
			.orElseThrow(Scope.NotInScopeException::new);
		model.addAttribute("village", village);
		model.addAttribute("township", jurisdiction.region(village.parentCode()).map(RegionView::name).orElse(""));
		return village;
	}

	/** The month, if it is one (or none); anything else does not exist here. */
	static String month(String month) {
		if (month != null && !MONTH.matcher(month).matches()) {
			throw new Scope.NotInScopeException();
		}
		return month;
	}

}
