package dev.wattiq.planner.validate;

import dev.wattiq.meter.io.Csv;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading numbers out of published cells such as "0.064 (per model)" or "350-400 (card); 400 used per model". */
final class Numbers {
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private Numbers() {
    }

    /** The first number in a cell, NaN when blank or none. */
    static double first(Csv.Row row, String column) {
        Matcher m = NUMBER.matcher(row.text(column));
        return m.find() ? Double.parseDouble(m.group().replace(",", "")) : Double.NaN;
    }

    /** The last number in a cell (the value "used" after a range), NaN when none. */
    static double last(Csv.Row row, String column) {
        Matcher m = NUMBER.matcher(row.text(column));
        double v = Double.NaN;
        while (m.find()) v = Double.parseDouble(m.group().replace(",", ""));
        return v;
    }

    /** The number following {@code key} in text such as "avg batch 63.8" or "TP=2", NaN when absent. */
    static double after(String text, String key) {
        int i = text.indexOf(key);
        if (i < 0) return Double.NaN;
        Matcher m = NUMBER.matcher(text);
        return m.find(i + key.length()) ? Double.parseDouble(m.group().replace(",", "")) : Double.NaN;
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) return Double.NaN;
        double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
