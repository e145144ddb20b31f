package io.emrpipeline.local.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed mapping between S3 and one job run's work directory: {@code s3://bucket/key} is the
 * file {@code <root>/bucket/key}. It finds the S3 URIs inside the job's strings (whole arguments,
 * {@code --conf k=s3://…}, comma-separated pyFiles lists, {@code archive#alias}) and rewrites them.
 */
public final class LocalS3Paths {

    // A URI ends where a spark-submit list or an archive alias would continue it, or at whitespace.
    private static final Pattern S3_URI = Pattern.compile("s3a?://[a-z0-9][a-z0-9.\\-]*[a-z0-9](?:/[^\\s,#'\"]*)?");

    private final Path root;

    /** @param root the directory S3 is mirrored under, {@code <work>/s3} */
    public LocalS3Paths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Every S3 location the texts mention, each once, in order of appearance. */
    public static Set<S3Location> find(List<String> texts) {
        Set<S3Location> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher uri = S3_URI.matcher(text);
                while (uri.find()) {
                    found.add(S3Location.parse(uri.group()));
                }
            }
        }
        return found;
    }

    /** The text with every S3 URI replaced by its local path (a trailing slash is kept). */
    public String rewrite(String text) {
        if (text == null) {
            return null;
        }
        Matcher uri = S3_URI.matcher(text);
        StringBuilder rewritten = new StringBuilder();
        while (uri.find()) {
            S3Location location = S3Location.parse(uri.group());
            String local = pathOf(location).toString() + (location.namesPrefix() ? "/" : "");
            uri.appendReplacement(rewritten, Matcher.quoteReplacement(local));
        }
        uri.appendTail(rewritten);
        return rewritten.toString();
    }

    public List<String> rewrite(List<String> texts) {
        List<String> rewritten = new ArrayList<>(texts.size());
        texts.forEach(text -> rewritten.add(rewrite(text)));
        return rewritten;
    }

    public Path pathOf(S3Location location) {
        Path path = root.resolve(location.bucket());
        return location.key().isEmpty() ? path : path.resolve(location.key());
    }

    /** The S3 location of a file under {@link #root()}. */
    public S3Location locationOf(Path file) {
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        if (relative.getNameCount() < 2 || relative.startsWith("..")) {
            throw new IllegalArgumentException(file + " is not an object under " + root);
        }
        String key = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
        return new S3Location(relative.getName(0).toString(), key);
    }
}
