package org.connectionadvisor.rules;

/**
 * A release the user named: {@code of} is "visual-studio" or "server"; {@code version} is the release year with the
 * update after the point (Visual Studio 2013 Update 2 is 2013.2, TFS 2012 is 2012.0), so releases compare as numbers.
 */
public record Release(String of, double version, String label, boolean inferred) implements Input {
    public static final String VISUAL_STUDIO = "visual-studio";
    public static final String SERVER = "server";

    @Override
    public String value() {
        return version == Math.rint(version) ? String.valueOf((long) version) : String.valueOf(version);
    }

    @Override
    public String key() {
        return VISUAL_STUDIO.equals(of) ? "visualStudioVersion" : "serverVersion";
    }
}
