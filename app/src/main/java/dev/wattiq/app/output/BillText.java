package dev.wattiq.app.output;

import dev.wattiq.app.cli.Quantities;
import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Bill;
import java.util.ArrayList;
import java.util.List;

/** A bill as terminal lines (commands print them): totals, then each assumption with "(default)" where it is one. */
public final class BillText {
    private BillText() {
    }

    /** Totals, assumptions and warnings. */
    public static List<String> lines(Bill b) {
        List<String> out = totals(b);
        out.addAll(assumptionLines(b));
        return out;
    }

    /** Facility energy, cost and CO2e, in units that suit their size (see {@link Quantities}). */
    public static List<String> totals(Bill b) {
        List<String> out = new ArrayList<>();
        out.add("facility energy  " + Quantities.energy(b.facilityEnergyKwh() * Bill.JOULES_PER_KWH)
                + ", IT " + Quantities.energy(b.itEnergyJoules()));
        out.add("cost             " + Quantities.money(b.cost().amount(), b.cost().currency())
                + (b.demandCharge() > 0 ? " (energy " + Quantities.significant(b.energyCharge()) + " + demand "
                + Quantities.significant(b.demandCharge()) + ")" : ""));
        out.add("CO2e             " + Quantities.mass(b.co2eLocationKg()) + " location-based, "
                + Quantities.mass(b.co2eMarketKg()) + " market-based");
        b.co2eEmbodiedKg().ifPresent(e -> out.add("embodied CO2e    " + Quantities.mass(e) + " (hardware, amortised over run time)"));
        return out;
    }

    /** "assumptions:", one line per assumption ("(default)" where it is one), then any warnings. */
    public static List<String> assumptionLines(Bill b) {
        List<String> out = new ArrayList<>();
        out.add("assumptions:");
        for (Assumption a : b.assumptions()) out.add("  " + a);
        for (String w : b.warnings()) out.add("warning: " + w);
        return out;
    }
}
