package dev.wattiq.meter;

/**
 * Energy of one component on one device over a window.
 *
 * @param component    e.g. {@code cpu_package}, {@code gpu}
 * @param device       e.g. {@code package-0}, {@code gpu-0}
 * @param energyJoules energy charged under the measurement's scope, in joules
 * @param deviceJoules the whole device's energy over the window, in joules (reported alongside, never hidden)
 * @param method       how it was obtained
 */
public record ComponentEnergy(String component, String device, double energyJoules, double deviceJoules, Method method) {
}
