package io.jenkins.plugins.carvelgitops.engine.config;

/**
 * Who commits and what the message carries.
 *
 * @param authorName  commit author and committer name; null: from the Git config, then the tool identity
 * @param authorEmail commit author and committer e-mail; null likewise
 * @param trailer     an optional last line for every commit message (for example the build URL)
 */
public record CommitSpec(String authorName, String authorEmail, String trailer) {

    public static final CommitSpec DEFAULT = new CommitSpec(null, null, null);
}
