package dev.wattiq.ledger.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.wattiq.ledger.Embodied;
import dev.wattiq.ledger.LedgerException;
import dev.wattiq.ledger.Site;
import dev.wattiq.ledger.carbon.IntensitySeries;
import dev.wattiq.ledger.data.Suggest;
import dev.wattiq.ledger.pue.PueCurve;
import dev.wattiq.ledger.tariff.DemandCharge;
import dev.wattiq.ledger.tariff.FlatTariff;
import dev.wattiq.ledger.tariff.TimeOfUseTariff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a site profile (YAML {@code .yaml}/{@code .yml}, or TOML {@code .toml}) into a {@link Site.Builder}, so flags
 * can override it afterwards. The format is in docs/ledger.md; every error names the file and the key.
 */
public final class SiteFile {
    static final Set<String> TOP = Set.of("region", "grid_source", "grid_intensity_g_per_kwh", "carbon_series", "pue", "tariff",
            "price_per_kwh", "currency", "green_share", "onsite_renewable_share", "residual_mix_g_per_kwh", "embodied", "strict");
    static final Set<String> TARIFF = Set.of("currency", "price_per_kwh", "zone", "default_price_per_kwh", "periods", "demand_charge", "source");
    static final Set<String> PERIOD = Set.of("days", "from_hour", "to_hour", "price_per_kwh");
    static final Set<String> DEMAND = Set.of("price_per_kw", "window_minutes", "zone");
    static final Set<String> PUE = Set.of("capacity_kw", "curve", "source");
    static final Set<String> EMBODIED = Set.of("kg", "lifetime_years", "source");

    private final Path file;
    private final String name;

    private SiteFile(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    /** A new builder holding what {@code file} says. */
    public static Site.Builder read(Path file) {
        return apply(file, Site.builder());
    }

    /** Applies what {@code file} says to {@code b}. */
    public static Site.Builder apply(Path file, Site.Builder b) {
        return new SiteFile(file).applyTo(b);
    }

    private Site.Builder applyTo(Site.Builder b) {
        JsonNode root = load();
        Nodes n = new Nodes(name, "");
        n.keys(root, TOP);
        String src = "site file " + name;
        if (root.has("region")) b.region(n.text(root, "region"));
        if (root.has("grid_source")) b.gridSource(n.text(root, "grid_source"));
        if (root.has("grid_intensity_g_per_kwh")) b.gridIntensity(n.number(root, "grid_intensity_g_per_kwh"), src + " (grid_intensity_g_per_kwh)");
        if (root.has("carbon_series")) {
            Path p = Path.of(n.text(root, "carbon_series"));
            Path base = file.toAbsolutePath().getParent();
            b.carbonSeries(IntensitySeries.read(p.isAbsolute() || base == null ? p : base.resolve(p)));
        }
        if (root.has("pue")) pue(root.get("pue"), b, src);
        if (root.has("tariff") && root.has("price_per_kwh")) {
            throw new LedgerException(name + ": give either a tariff table or price_per_kwh, not both");
        }
        if (root.has("tariff")) b.tariff(tariff(root.get("tariff"), src));
        if (root.has("price_per_kwh")) {
            String cur = root.has("currency") ? n.text(root, "currency") : "USD";
            b.tariff(new FlatTariff(n.number(root, "price_per_kwh"), cur, src + (root.has("currency") ? "" : "; currency USD assumed (add currency)"), false));
        } else if (root.has("currency")) {
            b.currency(n.text(root, "currency"), src + " (currency)");
        }
        if (root.has("green_share")) b.greenShare(n.number(root, "green_share"), src + " (green_share)");
        if (root.has("onsite_renewable_share")) b.onsiteShare(n.number(root, "onsite_renewable_share"), src + " (onsite_renewable_share)");
        if (root.has("residual_mix_g_per_kwh")) b.residualMix(n.number(root, "residual_mix_g_per_kwh"), src + " (residual_mix_g_per_kwh)");
        if (root.has("embodied")) {
            JsonNode e = root.get("embodied");
            Nodes en = n.in("embodied");
            en.keys(e, EMBODIED);
            b.embodied(new Embodied(en.number(e, "kg"), en.number(e, "lifetime_years"), e.has("source") ? en.text(e, "source") : src));
        }
        if (root.has("strict")) b.strict(n.bool(root, "strict"));
        return b;
    }

    private JsonNode load() {
        String lower = name.toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) mapper = new YAMLMapper();
        else if (lower.endsWith(".toml")) mapper = new TomlMapper();
        else throw new LedgerException("site file " + name + ": name it .yaml, .yml or .toml so its format is known");
        try {
            JsonNode root = mapper.readTree(Files.readString(file));
            if (root == null || root.isMissingNode() || root.isNull()) throw new LedgerException("site file " + name + " is empty: see docs/ledger.md for an example");
            if (!root.isObject()) throw new LedgerException("site file " + name + " must hold key: value pairs at the top level");
            return root;
        } catch (NoSuchFileException e) {
            throw new LedgerException("site file " + name + " does not exist: check the --site path");
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new LedgerException("site file " + name + where + " is not valid " + (lower.endsWith(".toml") ? "TOML" : "YAML") + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new LedgerException("cannot read site file " + name + ": " + e.getMessage(), e);
        }
    }

    private void pue(JsonNode node, Site.Builder b, String src) {
        Nodes n = new Nodes(name, "pue");
        if (node.isNumber()) {
            b.pue(node.doubleValue(), src + " (pue)");
            return;
        }
        if (!node.isObject()) throw new LedgerException(name + ": pue must be a number (1.2) or a table with capacity_kw and curve");
        n.keys(node, PUE);
        JsonNode curve = node.get("curve");
        if (curve == null || !curve.isArray()) throw new LedgerException(name + ": pue.curve must be a list of [load_fraction, pue] pairs");
        List<PueCurve.Point> points = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            JsonNode p = curve.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new LedgerException(name + ": pue.curve[" + (i + 1) + "] must be a pair of numbers [load_fraction, pue], e.g. [0.5, 1.3]");
            }
            points.add(new PueCurve.Point(p.get(0).doubleValue(), p.get(1).doubleValue()));
        }
        b.pue(new PueCurve(n.number(node, "capacity_kw") * 1000, points, node.has("source") ? n.text(node, "source") : src + " (pue curve)"));
    }

    private dev.wattiq.ledger.tariff.Tariff tariff(JsonNode t, String src) {
        Nodes n = new Nodes(name, "tariff");
        if (!t.isObject()) throw new LedgerException(name + ": tariff must be a table (see docs/ledger.md)");
        n.keys(t, TARIFF);
        String source = t.has("source") ? n.text(t, "source") + " (" + src + ")" : src;
        String currency = n.text(t, "currency");
        Optional<DemandCharge> demand = Optional.empty();
        boolean tou = t.has("periods") || t.has("default_price_per_kwh");
        java.time.ZoneId zone = t.has("zone") ? Zones.parse(n.text(t, "zone"), name + " tariff.zone") : null;
        if (t.has("demand_charge")) {
            JsonNode d = t.get("demand_charge");
            Nodes dn = n.in("demand_charge");
            dn.keys(d, DEMAND);
            java.time.ZoneId dz = d.has("zone") ? Zones.parse(dn.text(d, "zone"), name + " tariff.demand_charge.zone") : zone;
            if (dz == null) throw new LedgerException(name + ": tariff.demand_charge needs a zone (or tariff.zone) to count billing months in, e.g. zone = \"America/Chicago\"");
            int window = d.has("window_minutes") ? (int) dn.number(d, "window_minutes") : 15;
            demand = Optional.of(new DemandCharge(dn.number(d, "price_per_kw"), window, dz, source));
        }
        if (!tou) {
            if (t.has("zone") && !t.has("demand_charge")) throw new LedgerException(name + ": tariff.zone is only used by time-of-use periods or a demand charge: add periods or remove zone");
            return new FlatTariff(n.number(t, "price_per_kwh"), currency, source, false, demand);
        }
        if (zone == null) throw new LedgerException(name + ": a time-of-use tariff needs tariff.zone, the IANA zone its hours are in, e.g. \"America/Chicago\"");
        if (t.has("price_per_kwh")) throw new LedgerException(name + ": a time-of-use tariff takes default_price_per_kwh and periods, not price_per_kwh");
        List<TimeOfUseTariff.Period> periods = new ArrayList<>();
        JsonNode ps = t.get("periods");
        if (ps != null) {
            if (!ps.isArray()) throw new LedgerException(name + ": tariff.periods must be a list of tables");
            for (int i = 0; i < ps.size(); i++) {
                JsonNode p = ps.get(i);
                Nodes pn = n.in("periods[" + (i + 1) + "]");
                pn.keys(p, PERIOD);
                periods.add(new TimeOfUseTariff.Period(Days.parse(p.get("days"), name + " tariff.periods[" + (i + 1) + "].days"),
                        pn.integer(p, "from_hour"), pn.integer(p, "to_hour"), pn.number(p, "price_per_kwh")));
            }
        }
        return new TimeOfUseTariff(zone, currency, n.number(t, "default_price_per_kwh"), periods, source, demand);
    }

    /** Typed reads from a JSON tree, with errors naming the file and the key path. */
    record Nodes(String file, String path) {
        Nodes in(String key) {
            return new Nodes(file, path.isEmpty() ? key : path + "." + key);
        }

        String at(String key) {
            return file + ": " + (path.isEmpty() ? key : path + "." + key);
        }

        void keys(JsonNode node, Set<String> allowed) {
            if (!node.isObject()) throw new LedgerException(file + ": " + (path.isEmpty() ? "the top level" : path) + " must be a table of keys");
            for (var it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new LedgerException(at(k) + " is not a known key: did you mean " + String.join(" or ", Suggest.closest(k, allowed, 2)) + "? (see docs/ledger.md)");
                }
            }
        }

        JsonNode need(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) throw new LedgerException(at(key) + " is missing: add it (see docs/ledger.md)");
            return v;
        }

        double number(JsonNode node, String key) {
            return typed(node, key, JsonNode::isNumber, "not a number: write it without quotes, e.g. 0.12").doubleValue();
        }

        int integer(JsonNode node, String key) {
            return typed(node, key, JsonNode::isIntegralNumber, "not a whole number: write e.g. 14").intValue();
        }

        String text(JsonNode node, String key) {
            return typed(node, key, JsonNode::isTextual, "not text: quote it, e.g. \"US-IA\"").textValue();
        }

        boolean bool(JsonNode node, String key) {
            return typed(node, key, JsonNode::isBoolean, "not true or false: write true or false").booleanValue();
        }

        /** The value at {@code key}, which must be there and of the kind {@code is} tests; else {@code problem}. */
        private JsonNode typed(JsonNode node, String key, java.util.function.Predicate<JsonNode> is, String problem) {
            JsonNode v = need(node, key);
            if (!is.test(v)) throw new LedgerException(at(key) + " is " + v + ", " + problem);
            return v;
        }
    }
}
