package io.jenkins.plugins.carvelgitops.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials dropdowns, as the credentials API's consumer guide writes them. Callers are
 * {@code @POST} form endpoints; this checks that the user may see the item's configuration or use its
 * credentials (or administer Jenkins, for the global configuration), otherwise offers only the current
 * value, and lists what the build will be able to look up: for a job, with the authentication its
 * builds run as.
 */
public final class CredentialsLister {

    private CredentialsLister() {
    }

    public static ListBoxModel git(Item item, String current, String repositoryUrl) {
        return list(item, current, repositoryUrl, CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class)));
    }

    public static ListBoxModel kubeconfig(Item item, String current) {
        return list(item, current, null, CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(FileCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class)));
    }

    /** Whether the current user may see the credential list for {@code item} (null: global configuration). */
    public static boolean mayList(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The authentication the item's builds run as (the system, for the global configuration). */
    static Authentication listingAuthentication(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static ListBoxModel list(Item item, String current, String uri, CredentialsMatcher matcher) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayList(item)) {
            return model.includeCurrentValue(current);
        }
        return model.includeEmptyValue()
                .includeMatchingAs(listingAuthentication(item), item, StandardCredentials.class,
                        URIRequirementBuilder.fromUri(uri).build(), matcher)
                .includeCurrentValue(current);
    }
}
