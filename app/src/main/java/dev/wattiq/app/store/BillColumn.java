package dev.wattiq.app.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.output.BillJson;
import dev.wattiq.ledger.Bill;

/** A run's bill as kept in the store: the JSON fields {@link BillJson} writes (the ledger's own contract). */
final class BillColumn {
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private BillColumn() {
    }

    /** Builds the JSON mapper and writes one node with it (start-up: done on a second thread, see SqliteRunStore#preload). */
    static void warmUp() {
        Holder.MAPPER.createObjectNode().put("warm", 1.0).toString();
    }

    static String encode(Bill b) {
        var node = Holder.MAPPER.createObjectNode();
        node.putObject("energy_j").put("total", b.itEnergyJoules()); // BillJson.read takes the IT energy from here
        return BillJson.write(b, node).toString();
    }

    /** The stored bill, or null when there is none (or it cannot be read: the run's other figures still show). */
    static Bill decode(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            return BillJson.read(Holder.MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return null;
        }
    }
}
