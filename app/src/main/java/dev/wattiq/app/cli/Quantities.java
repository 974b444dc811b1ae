package dev.wattiq.app.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Terminal formatting of energy, money and mass at any scale: a 0.4 s command and a 2,000-GPU training run both
 * read naturally ({@code 3.58 J}, {@code 728 MWh}; {@code 0.000000125 USD}, {@code 77,124 USD}; {@code 86.9 mg},
 * {@code 400 t}). Three significant digits, never scientific notation.
 */
public final class Quantities {
    private static final String[] ENERGY_UNITS = {"J", "kJ", "MJ", "GJ", "TJ"};

    private Quantities() {
    }

    /** Energy in joules, with its kWh figure where the joules would be unwieldy. */
    public static String energy(double joules) {
        if (!Double.isFinite(joules)) return "unknown";
        double kwh = joules / 3.6e6;
        if (Math.abs(kwh) >= 1) return kwhUnit(kwh);
        double v = joules;
        int u = 0;
        while (Math.abs(v) >= 1000 && u < ENERGY_UNITS.length - 1) {
            v /= 1000;
            u++;
        }
        return significant(v) + " " + ENERGY_UNITS[u] + " (" + significant(joules / 3600) + " Wh)";
    }

    private static String kwhUnit(double kwh) {
        if (Math.abs(kwh) >= 1e6) return significant(kwh / 1e6) + " GWh";
        if (Math.abs(kwh) >= 1e3) return significant(kwh / 1e3) + " MWh";
        return significant(kwh) + " kWh";
    }

    /** Money: three significant digits in plain notation, thousands grouped ({@code 0.000000125 USD}, {@code 77,100 USD}). */
    public static String money(double amount, String currency) {
        return (Double.isFinite(amount) ? significant(amount) : "unknown") + " " + currency;
    }

    /** A mass given in kilograms: mg, g, kg or t. */
    public static String mass(double kg) {
        if (!Double.isFinite(kg)) return "unknown";
        double a = Math.abs(kg);
        if (a == 0) return "0 kg";
        if (a >= 1000) return significant(kg / 1000) + " t";
        if (a >= 1) return significant(kg) + " kg";
        if (a >= 1e-3) return significant(kg * 1e3) + " g";
        return significant(kg * 1e6) + " mg";
    }

    /** Three significant digits, plain notation, thousands grouped when the integer part is large. */
    public static String significant(double v) {
        if (v == 0) return "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(3));
        if (d.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%,d", d.toBigInteger());
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
