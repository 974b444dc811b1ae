package dev.wattiq.ledger.io;

import dev.wattiq.ledger.LedgerException;
import dev.wattiq.ledger.data.Suggest;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Parses IANA time-zone ids, suggesting the closest ones on a typo. */
public final class Zones {
    private Zones() {
    }

    /** The zone {@code id}; {@code where} names the setting in the error. */
    public static ZoneId parse(String id, String where) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new LedgerException("unknown time zone '" + id + "' (" + where + "): did you mean "
                    + String.join(", ", Suggest.closest(id, ZoneId.getAvailableZoneIds(), 3)) + "? Use an IANA id such as America/Chicago, Europe/Paris or UTC");
        }
    }
}
