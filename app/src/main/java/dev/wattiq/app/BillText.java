package dev.wattiq.app;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.Bill;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A bill as terminal lines (commands print them): totals, then each assumption with "(default)" where it is one. */
public final class BillText {
    private BillText() {
    }

    public static List<String> lines(Bill b) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "facility energy  %.6g kWh (IT %.6g kWh)", b.facilityEnergyKwh(), b.itEnergyJoules() / Bill.JOULES_PER_KWH));
        out.add(String.format(Locale.ROOT, "cost             %.4g %s%s", b.cost().amount(), b.cost().currency(),
                b.demandCharge() > 0 ? String.format(Locale.ROOT, " (energy %.4g + demand %.4g)", b.energyCharge(), b.demandCharge()) : ""));
        out.add(String.format(Locale.ROOT, "CO2e             %.4g kg location-based, %.4g kg market-based", b.co2eLocationKg(), b.co2eMarketKg()));
        b.co2eEmbodiedKg().ifPresent(e -> out.add(String.format(Locale.ROOT, "embodied CO2e    %.4g kg (hardware, amortised over run time)", e)));
        out.add("assumptions:");
        for (Assumption a : b.assumptions()) out.add("  " + a);
        for (String w : b.warnings()) out.add("warning: " + w);
        return out;
    }
}
