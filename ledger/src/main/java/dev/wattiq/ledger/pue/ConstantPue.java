package dev.wattiq.ledger.pue;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.LedgerException;
import java.util.List;
import java.util.Objects;

/**
 * One PUE for every load.
 *
 * @param pue       the ratio, >= 1
 * @param source    where it comes from
 * @param isDefault true when the user gave none
 */
public record ConstantPue(double pue, String source, boolean isDefault) implements PueModel {
    public ConstantPue {
        Objects.requireNonNull(source, "source");
        check(pue, source);
    }

    static void check(double pue, String where) {
        if (!(pue >= 1) || !Double.isFinite(pue)) {
            throw new LedgerException("PUE " + pue + " (" + where + ") is impossible: PUE is facility energy / IT energy, so it must be a number >= 1 (e.g. 1.1 for a hyperscale site, 1.56 industry average)");
        }
    }

    @Override
    public double pueAt(double itPowerWatts) {
        return pue;
    }

    @Override
    public List<Assumption> assumptions() {
        return List.of(Assumption.of("pue", pue, "ratio", source, isDefault));
    }
}
