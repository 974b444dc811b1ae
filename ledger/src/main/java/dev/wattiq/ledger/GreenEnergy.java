package dev.wattiq.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Renewable energy that covers part of the facility's draw, as the GHG Protocol's Scope 2 guidance counts it.
 * <ul>
 * <li>{@code onsiteShare}: generated on site and used there; it never reaches the grid meter, so it carries no grid
 * emissions under either method.</li>
 * <li>{@code contractedShare}: covered by contractual instruments (PPAs, certificates such as RECs/GOs); it is zero
 * in the market-based figure and leaves the location-based one unchanged.</li>
 * </ul>
 * The rest of the market-based figure uses the residual mix when given, else the grid intensity (as the guidance
 * allows when no residual mix is published).
 *
 * @param onsiteShare            fraction of facility energy, 0..1
 * @param contractedShare        fraction of facility energy, 0..1; the two add up to at most 1
 * @param residualMixGramsPerKwh intensity for uncovered energy in the market-based figure, gCO2e/kWh
 * @param source                 where the shares come from
 */
public record GreenEnergy(double onsiteShare, double contractedShare, OptionalDouble residualMixGramsPerKwh, String source) {
    /** No green energy. */
    public static final GreenEnergy NONE = new GreenEnergy(0, 0, OptionalDouble.empty(), "none stated");

    public GreenEnergy {
        Objects.requireNonNull(residualMixGramsPerKwh, "residualMixGramsPerKwh");
        Objects.requireNonNull(source, "source");
        checkShare("on-site renewable share", onsiteShare, source);
        checkShare("green share", contractedShare, source);
        if (onsiteShare + contractedShare > 1 + 1e-12) {
            throw new LedgerException("on-site share " + onsiteShare + " plus green share " + contractedShare + " exceed 1 (" + source
                    + "): both are fractions of the same facility energy; lower one of them");
        }
        residualMixGramsPerKwh.ifPresent(g -> dev.wattiq.ledger.carbon.AnnualIntensity.check(g, source + ", residual mix"));
    }

    static void checkShare(String what, double share, String where) {
        if (!(share >= 0 && share <= 1)) {
            throw new LedgerException(what + " " + share + " (" + where + ") is outside 0..1: give a fraction, e.g. 0.4 for 40%");
        }
    }

    public List<Assumption> assumptions() {
        boolean none = this == NONE || source.equals(NONE.source);
        List<Assumption> out = new ArrayList<>();
        out.add(Assumption.of("green_share", contractedShare, "fraction", source, none));
        out.add(Assumption.of("onsite_renewable_share", onsiteShare, "fraction", source, none));
        out.add(residualMixGramsPerKwh.isPresent()
                ? Assumption.of("residual_mix", residualMixGramsPerKwh.getAsDouble(), "gCO2e/kWh", source, false)
                : new Assumption("residual_mix", "grid intensity", "gCO2e/kWh", "none given: GHG Protocol Scope 2 guidance allows the grid average when no residual mix is known (understates market-based)", true));
        return out;
    }
}
