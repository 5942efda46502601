package org.qinglian.jurisdiction;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The county tree and the people in it. Region names are public; people are personal data
 * and are only returned within the signed-in user's jurisdiction.
 */
public interface Jurisdiction {

	/** Every region of the county (public: names and places only). */
	List<RegionView> regions();

	Optional<RegionView> region(String regionCode);

	/** The regions of the signed-in user's subtree. */
	List<RegionView> regionsInScope();

	/**
	 * The people holding a position in a region's subtree on a day; the region must be in
	 * scope.
	 */
	List<PositionView> positions(String regionCode, LocalDate on);

	/** Names of the given people that the signed-in user may see, by person id. */
	Map<String, String> names(Collection<String> personIds);

	/**
	 * A person's file for supervision staff: positions over time, near kin (declared and
	 * by household), organizations they or their kin are tied to. Only within the
	 * jurisdiction; every view is audited.
	 */
	Optional<PersonFile> person(String personId);

	record PersonFile(String personId, String name, String regionCode, List<PositionView> positions, List<KinView> kin,
			List<OrganizationView> organizations) {
	}

	/**
	 * @param personId the relative
	 * @param name their name
	 * @param relation spouse, parent, child, sibling, in_law, other, or {@code household}
	 * for a tie by household only
	 * @param source declared or household_registry
	 */
	record KinView(String personId, String name, String relation, String source) {
	}

	/**
	 * @param orgId the organization
	 * @param name its name
	 * @param personName who of the person and their kin is tied to it
	 * @param role legal_rep, shareholder, manager
	 */
	record OrganizationView(String orgId, String name, String personName, String role) {
	}

	record RegionView(String code, String name, RegionLevel level, String parentCode, LocalDate cashlessSince,
			LocalDate custodySince) {

		@JsonIgnore
		public boolean isVillage() {
			return level.isVillage();
		}

	}

	record PositionView(String personId, String name, String regionCode, String role, LocalDate startDate,
			LocalDate endDate) {
	}

}
