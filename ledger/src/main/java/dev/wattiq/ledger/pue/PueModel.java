package dev.wattiq.ledger.pue;

import dev.wattiq.ledger.Assumption;
import java.util.List;

/**
 * Power usage effectiveness: facility energy = IT energy x PUE. Either a constant ({@link ConstantPue}) or a curve over
 * IT load ({@link PueCurve}); both reject a PUE below 1 (a facility cannot draw less than its IT equipment).
 */
public sealed interface PueModel permits ConstantPue, PueCurve {
    /** The PUE at an average IT power of {@code itPowerWatts}. */
    double pueAt(double itPowerWatts);

    /** What this model rests on, for the bill. */
    List<Assumption> assumptions();
}
