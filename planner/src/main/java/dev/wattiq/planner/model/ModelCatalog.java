package dev.wattiq.planner.model;

import dev.wattiq.ledger.Provenance;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.UnknownNameException;
import dev.wattiq.planner.hardware.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.wattiq.meter.UserInputException.field;

/**
 * Published architectures (models.csv, with sources) for {@code --model NAME}. Look-up is case-insensitive, ignores an
 * organisation prefix ({@code meta-llama/}) and accepts suffixes such as {@code -instruct} or {@code -fp8} after a
 * known name; an unknown name fails with the closest matches.
 */
public final class ModelCatalog {
    private static final ModelCatalog SHIPPED =
            new ModelCatalog(Csv.resource(ModelCatalog.class, "/dev/wattiq/planner/models.csv").rows());
    private final List<ModelArchitecture> all = new ArrayList<>();
    private final List<List<String>> aliases = new ArrayList<>();
    private final Map<String, ModelArchitecture> byName = new HashMap<>();
    private final Map<ModelArchitecture, Provenance> rowOf = new IdentityHashMap<>();

    public ModelCatalog(List<Csv.Row> rows) {
        String f = "models.csv";
        for (Csv.Row r : rows) {
            double params = r.number("params_b", Double.NaN) * 1e9;
            double active = r.number("active_params_b", Double.NaN) * 1e9;
            if (!(params > 0)) throw new PlannerException(f + ": " + r.text("id") + " has no params_b: fill it in");
            double kvLayer = r.number("kv_elems_per_token_layer", Double.NaN);
            if (Double.isNaN(kvLayer)) kvLayer = 2 * r.number("kv_heads", Double.NaN) * r.number("head_dim", Double.NaN);
            double experts = r.number("experts", Double.NaN);
            double perToken = r.number("experts_per_token", Double.NaN);
            ModelArchitecture m = new ModelArchitecture(r.text("id"), params, Double.isNaN(active) ? params : active,
                    (int) r.number("layers", Double.NaN), r.number("hidden", Double.NaN),
                    (int) r.number("attention_layers", Double.NaN), kvLayer,
                    Double.isNaN(experts) ? 0 : (int) experts, Double.isNaN(perToken) ? 0 : (int) perToken,
                    r.number("train_tokens_b", Double.NaN) * 1e9, r.text("source") + " (" + r.text("year") + ")");
            List<String> names = Arrays.stream(r.text("aliases").split(";"))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            all.add(m);
            rowOf.put(m, Provenance.dataFile(r.file(), r.line()));
            aliases.add(names);
            byName.put(Names.normalize(m.id()), m);
            for (String a : names) byName.put(Names.normalize(a), m);
        }
    }

    public static ModelCatalog shipped() {
        return SHIPPED;
    }

    /** Finds a model; see the class comment for the accepted spellings. */
    public ModelArchitecture find(String name) {
        if (name == null || name.isBlank()) throw new PlannerException("no model name given: name one with " + field("model") + ", e.g. llama-2-70b");
        String q = Names.normalize(name);
        ModelArchitecture exact = byName.get(q);
        if (exact != null) return exact;
        ModelArchitecture best = null;
        int bestLength = 0;
        for (Map.Entry<String, ModelArchitecture> e : byName.entrySet()) {
            String k = e.getKey();
            if (q.startsWith(k) && q.length() > k.length() && q.charAt(k.length()) == '-' && k.length() > bestLength) {
                best = e.getValue();
                bestLength = k.length();
            }
        }
        if (best != null) return best;
        throw new UnknownNameException("model", name, Names.closest(name, ids(), aliases, 3));
    }

    /** The models.csv row {@code m} was read from, or {@link Provenance#DEFAULT} for a model not of this catalogue. */
    public Provenance provenance(ModelArchitecture m) {
        return rowOf.getOrDefault(m, Provenance.DEFAULT);
    }

    public List<ModelArchitecture> all() {
        return List.copyOf(all);
    }

    public List<String> ids() {
        return all.stream().map(ModelArchitecture::id).toList();
    }
}
