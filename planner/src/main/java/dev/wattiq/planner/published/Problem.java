package dev.wattiq.planner.published;

/**
 * A published row the validation could not use for a metric, with where and why: never a stack trace, never a row
 * silently left out of the counts.
 *
 * @param file   the file's name
 * @param line   the line the row starts on
 * @param row    the row's model name
 * @param field  the column at fault (or the metric it cannot be scored for)
 * @param reason what is wrong and how to fix it
 */
public record Problem(String file, int line, String row, String field, String reason) {
    /** One line: {@code file:line: row: field: reason}. */
    public String message() {
        return file + ":" + line + ": " + row + ": " + field + ": " + reason;
    }
}
