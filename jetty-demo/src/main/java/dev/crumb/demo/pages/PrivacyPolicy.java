package dev.crumb.demo.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The revisions of the privacy policy. The site's current revision is set by the operator
 * ({@code --policy-revision}); consent a visitor gives is recorded against it, so an operator raises it
 * whenever the policy changes in substance, and adds a {@link Revision} here describing the change.
 *
 * @param current the revision in force, 1 or more
 */
public record PrivacyPolicy(int current) {

    /**
     * One published revision.
     *
     * @param number    the revision number
     * @param published when it was published, or {@code null} when not recorded
     * @param changes   what changed, one sentence each
     */
    public record Revision(int number, LocalDate published, List<String> changes) {
        public Revision {
            changes = List.copyOf(changes);
        }
    }

    private static final List<Revision> HISTORY = List.of(
            new Revision(1, LocalDate.of(2026, 1, 15), List.of(
                    "First policy of the online shop.",
                    "Explains the cookie categories (necessary, preferences, analytics, marketing) and that we "
                            + "ask before setting any cookie that is not necessary.",
                    "Explains how to unsubscribe from news and offers, and that some forms are reply only.")));

    public PrivacyPolicy {
        if (current < 1) {
            throw new IllegalArgumentException("policy revision must be 1 or more, was " + current);
        }
    }

    /**
     * The revisions up to the current one, newest first. A revision the history does not describe is
     * listed without notes, so the list never hides that the policy changed.
     */
    public List<Revision> revisions() {
        List<Revision> list = new ArrayList<>();
        for (int number = current; number >= 1; number--) {
            int n = number;
            list.add(HISTORY.stream().filter(r -> r.number() == n).findFirst()
                    .orElse(new Revision(n, null, List.of("Change notes for this revision have not been written up yet."))));
        }
        return list;
    }
}
