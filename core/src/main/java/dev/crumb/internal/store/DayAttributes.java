package dev.crumb.internal.store;

import java.util.Map;

/**
 * The earliest visit of each visitor-day a batch touches, before and after the batch ({@code null}, or
 * absent, when no visit starts on the day): where each day of a visitor's {@code visitors} chain gets the
 * country and language it counts under.
 */
record DayAttributes(Map<VisitorDay, VisitorDay.Earliest> before, Map<VisitorDay, VisitorDay.Earliest> after) {

    /** Whether {@code day} is one of the touched days. */
    boolean covers(VisitorDay day) {
        return before.containsKey(day) || after.containsKey(day);
    }
}
