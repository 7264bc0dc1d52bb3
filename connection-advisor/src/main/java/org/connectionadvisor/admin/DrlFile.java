package org.connectionadvisor.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;

/** One DRL file's text and the path it is reported under, with the offsets of its lines for FILE:LINE reports. */
public final class DrlFile {
    /** What admins edit and what problems in the packaged rules name: rules-drl/NAME.drl. */
    static final String PACKAGED = "rules-drl";
    /** Where the jar holds them: the folder of their DRL package, as a KIE module needs. */
    static final String PACKAGED_LOCATION = "org/connectionadvisor/drl";
    /** The advice policy's file name (see AdvicePolicy), in a rules directory (its top level) and in rules-drl/. */
    static final String POLICY_FILE = "advice-policy.txt";
    private static final Pattern RULE_HEADER =
            Pattern.compile("\\s*+rule\\s++(?:\"((?:[^\"\\\\]|\\\\.)*+)\"|'((?:[^'\\\\]|\\\\.)*+)'|(\\S++)).*");
    private static final Pattern RULE_END = Pattern.compile("\\s*+end\\s*+(//.*)?");
    /**
     * The largest rule file read, checked before it is read: the packaged files are under 11 KB, and Drools' parser
     * holds a file's whole token stream and recovers from every error in it (a file of 10,000 lines of errors takes it
     * seconds), so the size bounds the time a file can take to be refused.
     */
    static final long MAX_FILE_BYTES = 128 * 1024;

    private final String path;
    private final String text;
    /** Where each line starts: the checks ask for lines of every rule, so a scan per question would be quadratic. */
    private final int[] lineStarts;
    /** The rule each line is in (null outside rules), found in one pass when first asked: parse errors ask line by line. */
    private String[] rules;

    public DrlFile(String path, String text) {
        this.path = path;
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            lines += text.charAt(i) == '\n' ? 1 : 0;
        }
        lineStarts = new int[lines];
        for (int i = 0, line = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    public String path() {
        return path;
    }

    /** Whether this file of a rule set is the advice policy rather than rules. */
    boolean isPolicy() {
        return path.equals(POLICY_FILE) || path.endsWith("/" + POLICY_FILE) || path.endsWith("\\" + POLICY_FILE);
    }

    public String text() {
        return text;
    }

    /** Every *.drl directly in a directory or below it, in path order so loading is repeatable. */
    static List<DrlFile> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RulesException(List.of(new RuleProblem(directory.toString(), 0, null,
                    "not a directory of DRL files")));
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<DrlFile> files = new ArrayList<>();
            List<RuleProblem> unread = new ArrayList<>();
            Path policy = directory.resolve(POLICY_FILE);
            for (Path path : paths.filter(p -> p.toString().endsWith(".drl") || p.equals(policy)).sorted().toList()) {
                DrlFile file = read(path, unread);
                if (file != null) {
                    files.add(file);
                }
            }
            if (!unread.isEmpty()) {
                throw new RulesException(unread);
            }
            if (files.stream().allMatch(DrlFile::isPolicy)) {
                throw new RulesException(List.of(new RuleProblem(directory.toString(), 0, null, "no .drl files in this directory")));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file's text; null (with the problem) for anything but a regular file of at most {@link #MAX_FILE_BYTES},
     * checked before it is opened: a FIFO or a device named x.drl would block the read or never end. What is opened
     * may have been put in its place since: {@link RuleFileRead} reads it so that it cannot hold the reader.
     */
    private static DrlFile read(Path path, List<RuleProblem> problems) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class); // through a link, to what is read
        } catch (IOException e) {
            problems.add(new RuleProblem(path.toString(), 0, null, "cannot be read: " + e.getClass().getSimpleName()));
            return null;
        }
        if (!attributes.isRegularFile()) {
            problems.add(new RuleProblem(path.toString(), 0, null, "is not a regular file (a directory, FIFO, socket or device)"
                    + " and is not read; a rule file is a regular file"));
            return null;
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            problems.add(new RuleProblem(path.toString(), 0, null, "is " + attributes.size() + " bytes, over the limit of "
                    + MAX_FILE_BYTES + " bytes for one rule file; split it"));
            return null;
        }
        byte[] bytes = RuleFileRead.read(path, MAX_FILE_BYTES);
        if (bytes == null) {
            problems.add(new RuleProblem(path.toString(), 0, null, "did not come within " + Deadline.shown(RuleFileRead.LIMIT)
                    + " of being opened (it was replaced, by a FIFO or a device, after it was checked) and is not read; a rule"
                    + " file is a regular file"));
            return null;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(new RuleProblem(path.toString(), 0, null, "grew over the limit of " + MAX_FILE_BYTES
                    + " bytes for one rule file while it was read; split it"));
            return null;
        }
        return new DrlFile(path.toString(), StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    }

    /** The copy of rules-drl/ packaged with the library (a directory in a build tree, a folder in the jar). */
    public static List<DrlFile> packaged() {
        URL location = DrlFile.class.getClassLoader().getResource(PACKAGED_LOCATION);
        if (location == null) {
            throw new IllegalStateException("the packaged rules (" + PACKAGED_LOCATION + "/) are missing from the class path");
        }
        try {
            URI uri = location.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return relabel(fromDirectory(Path.of(uri)), Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                Path root = jar.getPath(PACKAGED_LOCATION);
                return relabel(fromDirectory(root), root);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the packaged rules at " + location, e);
        }
    }

    /** Packaged files are reported as rules-drl/NAME.drl, the path an admin knows, wherever the class path is. */
    private static List<DrlFile> relabel(List<DrlFile> files, Path root) {
        return files.stream()
                .map(file -> new DrlFile(PACKAGED + "/" + root.relativize(root.getFileSystem().getPath(file.path()))
                        .toString().replace('\\', '/'), file.text()))
                .toList();
    }

    /**
     * {@code sha256:} and the hex SHA-256 of the rule files' texts in path order, each followed by a NUL: the same rules
     * give the same version wherever they are loaded from (the packaged copy, a directory, another instance's copy).
     */
    static String version(List<DrlFile> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (DrlFile file : files) {
            if (file.isPolicy()) {
                continue; // it decides which rules load, not what loaded rules answer
            }
            digest.update(file.text().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The 1-based line holding a character offset. */
    int lineAt(int offset) {
        int found = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The character offset where a 1-based line starts (the text's end past its last line). */
    int lineStart(int line) {
        return line < 1 ? 0 : line > lineStarts.length ? text.length() : lineStarts[line - 1];
    }

    /**
     * The first line where brackets ( [ { nest more than {@code max} deep, outside comments and string literals; 0
     * when none does. Parsers recurse on nesting, so a file this deep is refused before any parser sees it.
     */
    int lineNestedDeeperThan(int max) {
        int depth = 0;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                line++;
            } else if (c == '/' && next == '/') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                for (i += 2; i < text.length() && !(text.charAt(i - 1) == '*' && text.charAt(i) == '/'); i++) {
                    line += text.charAt(i) == '\n' ? 1 : 0;
                }
            } else if (c == '"' || c == '\'') {
                for (i++; i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n'; i++) {
                    i += text.charAt(i) == '\\' ? 1 : 0;
                }
                line += i < text.length() && text.charAt(i) == '\n' ? 1 : 0;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > max) {
                    return line;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return 0;
    }

    /** The name of the rule whose text holds a line; null for a line outside every rule (imports, functions). */
    String ruleAt(int line) {
        if (rules == null) {
            rules = rulesByLine();
        }
        return line < 1 || line > rules.length ? null : rules[line - 1];
    }

    /** One pass: a rule runs from its header line to its "end" line. */
    private String[] rulesByLine() {
        String[] byLine = new String[lineStarts.length];
        String current = null;
        for (int line = 1; line <= byLine.length; line++) {
            String text = this.text.substring(lineStart(line), line < byLine.length ? lineStart(line + 1) - 1 : this.text.length());
            Matcher header = RULE_HEADER.matcher(text);
            if (header.matches()) {
                for (int group = 1; group <= 3; group++) {
                    if (header.group(group) != null) {
                        current = header.group(group);
                        break;
                    }
                }
            }
            byLine[line - 1] = current;
            if (RULE_END.matcher(text).matches()) {
                current = null;
            }
        }
        return byLine;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DrlFile file && path.equals(file.path) && text.equals(file.text);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "DrlFile[" + path + "]";
    }
}
