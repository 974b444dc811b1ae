package dev.wattiq.planner.frontier;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One objective of a frontier over items of type {@code T}: a name, a direction and how to read its value.
 *
 * @param name      what the objective is, with its unit, e.g. {@code energy_j}
 * @param direction whether smaller or larger is better
 * @param value     reads the objective's value from an item; NaN is rejected by {@link Pareto}
 * @param <T>       the kind of item ranked
 */
public record Objective<T>(String name, Direction direction, ToDoubleFunction<? super T> value) {
    public Objective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) throw new IllegalArgumentException("an objective needs a name, e.g. energy_j");
    }

    /** An objective to make small. */
    public static <T> Objective<T> min(String name, ToDoubleFunction<? super T> value) {
        return new Objective<>(name, Direction.MIN, value);
    }

    /** An objective to make large. */
    public static <T> Objective<T> max(String name, ToDoubleFunction<? super T> value) {
        return new Objective<>(name, Direction.MAX, value);
    }
}
