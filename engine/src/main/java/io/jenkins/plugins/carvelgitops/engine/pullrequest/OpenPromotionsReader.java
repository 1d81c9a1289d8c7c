package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds, for {@code status}, the open promotion pull requests of each stage of a config: one listing of
 * the pull requests into {@code repository.branch} whose head branch starts with
 * {@code carvel-gitops/<package>/}, grouped by the stage the branch names. It never fails the status: a
 * repository without a provider shows none, and a missing token or a provider's refusal becomes the
 * one-line {@link OpenPromotions#note}.
 */
public final class OpenPromotionsReader {

    private final String token;
    private final Function<RepositoryAddress, PullRequestHost> hosts;

    /**
     * @param token the token (the Git credential's password); null or blank when none was given
     * @param hosts opens the provider's adapter; asked only with a token
     */
    public OpenPromotionsReader(String token, Function<RepositoryAddress, PullRequestHost> hosts) {
        this.token = token;
        this.hosts = Objects.requireNonNull(hosts, "hosts");
    }

    /** With the provider's real API ({@link PullRequestHosts#open}). */
    public static OpenPromotionsReader withToken(String token) {
        return new OpenPromotionsReader(token, address -> PullRequestHosts.open(address, token,
                Parameter.GIT_CREDENTIALS.ref()));
    }

    public OpenPromotions read(GitopsConfig config, PullRequestSettings settings) {
        if (config.repository().isLocalPath()) {
            return OpenPromotions.noProvider("");
        }
        RepositoryAddress address;
        try {
            address = RepositoryAddress.of(config.repository().url(), settings, config.source());
        } catch (ValidationException e) {
            return OpenPromotions.noProvider(e.problems().get(0).line());
        }
        ProviderKind kind = address.kind();
        if (token == null || token.isBlank()) {
            return OpenPromotions.notShown(kind, "no token was given: " + kind.title() + " lists pull requests "
                    + "only to a token; give one with " + Parameter.GIT_CREDENTIALS.ref());
        }
        String packagePrefix = "carvel-gitops/" + config.packageName() + "/";
        List<PullRequest> open;
        try {
            open = hosts.apply(address).open(config.repository().branch(), packagePrefix);
        } catch (PullRequestException e) {
            return OpenPromotions.notShown(kind, Text.oneLine(redact(e.getMessage())));
        }
        List<OpenPromotions.Proposal> proposals = new ArrayList<>();
        for (StageSpec stage : config.stages()) {
            String prefix = PullRequestText.stagePrefix(config.packageName(), stage.name());
            open.stream().filter(pr -> pr.headBranch().startsWith(prefix)
                    && pr.headBranch().length() > prefix.length()
                    && pr.headBranch().indexOf('/', prefix.length()) < 0)
                    .sorted(Comparator.comparingInt(PullRequest::number))
                    .forEach(pr -> proposals.add(new OpenPromotions.Proposal(stage.name(), pr.number(), pr.url(),
                            pr.headBranch().substring(prefix.length()), pr.headBranch(), pr.headSha(), pr.state())));
        }
        return new OpenPromotions(kind, "", proposals);
    }

    /** The adapters redact already; this keeps a host written elsewhere from ever showing the token. */
    private String redact(String text) {
        return text == null ? "" : text.replace(token, "****");
    }
}
