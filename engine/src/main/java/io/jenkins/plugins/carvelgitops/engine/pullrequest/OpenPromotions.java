package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.result.Document;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The promotion pull requests open against {@code repository.branch}, per stage, as {@code status} shows
 * them: those whose head branch is {@code carvel-gitops/<package>/<stage>/<version>}. When they could not
 * be listed, {@link #note} says why in one line (never with the token) and the list is empty.
 *
 * @param provider  the provider the repository is on; null when it has none (a local folder, an unknown host)
 * @param note      why they are not shown, or "" when they are
 * @param proposals the open ones, in the config's stage order, then by number
 */
public record OpenPromotions(ProviderKind provider, String note, List<Proposal> proposals) {

    /**
     * One open pull request that proposes a version for a stage.
     *
     * @param version    the version its branch proposes (the last part of the branch name)
     * @param headCommit its head commit, when the provider says
     */
    public record Proposal(String stage, int number, String url, String version, String branch, String headCommit,
            PullRequest.State state) {

        public Proposal {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(state, "state");
        }
    }

    public OpenPromotions {
        note = note == null ? "" : note;
        proposals = List.copyOf(proposals);
    }

    /** Not looked for: the repository has no provider; {@code why} may be "". */
    static OpenPromotions noProvider(String why) {
        return new OpenPromotions(null, why, List.of());
    }

    static OpenPromotions notShown(ProviderKind provider, String why) {
        return new OpenPromotions(provider, why, List.of());
    }

    /**
     * {@code pullRequests} of {@code status}'s document: provider, shown, note and every open one (stage,
     * number, url, version, branch, headCommit, state).
     */
    public Document toDocument() {
        return new Document().put("provider", provider == null ? null : provider.name().toLowerCase(Locale.ROOT))
                .put("shown", shown()).put("note", note).put("open", proposals.stream().map(p -> new Document()
                        .put("stage", p.stage()).put("number", p.number()).put("url", p.url())
                        .put("version", p.version()).put("branch", p.branch()).put("headCommit", p.headCommit())
                        .put("state", p.state().name().toLowerCase(Locale.ROOT))).toList());
    }

    /** Whether the provider was asked and answered. */
    public boolean shown() {
        return provider != null && note.isEmpty();
    }

    /** The open ones of one stage. */
    public List<Proposal> of(String stage) {
        return proposals.stream().filter(p -> p.stage().equals(stage)).toList();
    }

    /** The same with the note in other words (an adapter spelling the parameters it names). */
    public OpenPromotions withNote(String other) {
        return new OpenPromotions(provider, other, proposals);
    }
}
