package dev.wattiq.planner.hardware;

import java.util.List;

/**
 * A hardware name as the user gave it, the device it resolved to, and the other devices the name also fits (empty
 * when it named one device only).
 *
 * @param given        the name as given
 * @param hardware     the device it resolved to
 * @param alternatives ids of the other devices whose ids begin with the name ({@code h100}: H100-PCIe beside H100-SXM)
 */
public record HardwareChoice(String given, Hardware hardware, List<String> alternatives) {
    public HardwareChoice {
        alternatives = List.copyOf(alternatives);
    }

    public boolean isAmbiguous() {
        return !alternatives.isEmpty();
    }

    /**
     * The choice in words, for the plan's assumptions: {@code 'h100' is taken as H100-SXM (the catalogue's default for
     * that name); it also fits H100-PCIe: name one of them to choose}; null when the name was not ambiguous.
     */
    public String note() {
        if (!isAmbiguous()) return null;
        return "'" + given + "' is taken as " + hardware.id() + " (the catalogue's default for that name); it also fits "
                + String.join(", ", alternatives) + ": name one of them to choose";
    }
}
