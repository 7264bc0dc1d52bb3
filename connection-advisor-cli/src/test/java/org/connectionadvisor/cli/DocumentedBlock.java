package org.connectionadvisor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fenced block of a Markdown page that holds shell commands, with how {@link DocumentedCommandsIT} runs it. */
record DocumentedBlock(String where, Mode mode, String reason, List<Command> commands) {
    enum Mode { COMMANDS, TRANSCRIPT, BACKGROUND, SKIPPED }

    /** One command, with the output a transcript shows for it (empty in a {@code sh} block). */
    record Command(String where, String text, List<String> expected) {
    }

    private static final Pattern MARKER = Pattern.compile("<!--\\s*(not run:|background)\\s*(.*?)\\s*-->");
    private static final String PROMPT = "$ ";

    /** The blocks of {@code lines} (a page called {@code page}) that hold commands, in page order. */
    static List<DocumentedBlock> parse(String page, List<String> lines) {
        List<DocumentedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).strip();
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            // A block inside a list item is indented like its fence; that indentation is not part of the text.
            String indent = " {0," + (lines.get(i).length() - lines.get(i).stripLeading().length()) + "}";
            List<String> body = lines.subList(i + 1, Math.min(end, lines.size())).stream()
                    .map(l -> l.stripTrailing().replaceFirst("^" + indent, "")).toList();
            String where = page + ":" + (i + 1);
            Matcher marker = markerBefore(lines, i);
            boolean shell = language.equals("sh") || language.equals("bash") || language.equals("shell");
            boolean transcript = (language.isEmpty() || language.equals("text") || language.equals("console"))
                    && body.stream().anyMatch(l -> l.startsWith(PROMPT));
            if (shell || transcript) {
                List<Command> commands = shell ? commands(page, i + 2, body) : transcript(page, i + 2, body);
                blocks.add(block(where, marker, shell ? Mode.COMMANDS : Mode.TRANSCRIPT, commands));
            }
            i = end;
        }
        return blocks;
    }

    private static DocumentedBlock block(String where, Matcher marker, Mode mode, List<Command> commands) {
        if (marker != null && marker.group(1).equals("not run:")) {
            return new DocumentedBlock(where, Mode.SKIPPED, marker.group(2), commands);
        }
        if (marker != null) {
            return new DocumentedBlock(where, Mode.BACKGROUND, "", commands);
        }
        for (Command command : commands) {
            if (command.text().lines().anyMatch(line -> line.strip().startsWith("mvn ") || line.contains("&& mvn "))) {
                throw new AssertionError(command.where() + ": a Maven command would run this build inside itself;"
                        + " mark its block <!-- not run: WHY --> and run it from .ci/run");
            }
        }
        return new DocumentedBlock(where, mode, "", commands);
    }

    /** The marker comment on one of the two lines before the fence at {@code fence}, if any. */
    private static Matcher markerBefore(List<String> lines, int fence) {
        for (int j = fence - 1; j >= Math.max(0, fence - 2); j--) {
            Matcher m = MARKER.matcher(lines.get(j));
            if (m.find()) {
                return m;
            }
            if (!lines.get(j).isBlank()) {
                break;
            }
        }
        return null;
    }

    /** A {@code sh} block is one script, run as a whole (a here-document spans lines), stopping at the first failure. */
    private static List<Command> commands(String page, int firstLine, List<String> body) {
        return List.of(new Command(page + ":" + firstLine, String.join("\n", body).strip(), List.of()));
    }

    /** A transcript: each {@code $ } line is a command, the lines up to the next one what it prints. */
    private static List<Command> transcript(String page, int firstLine, List<String> body) {
        List<Command> commands = new ArrayList<>();
        for (int k = 0; k < body.size(); k++) {
            if (!body.get(k).startsWith(PROMPT)) {
                continue;
            }
            int next = k + 1;
            while (next < body.size() && !body.get(next).startsWith(PROMPT)) {
                next++;
            }
            List<String> expected = new ArrayList<>(body.subList(k + 1, next));
            while (!expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) {
                expected.remove(expected.size() - 1);
            }
            commands.add(new Command(page + ":" + (firstLine + k), body.get(k).substring(PROMPT.length()).strip(), expected));
        }
        return commands;
    }
}
