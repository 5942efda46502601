/**
 * The small and micro power list (小微权力清单): the catalogue of power items with their flows
 * and red lines, each use of a power (PowerExercise, 小微权力运行) and its conformance to the
 * flow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Power list",
		allowedDependencies = { "platform", "jurisdiction", "web" })
package org.qinglian.powerlist;
