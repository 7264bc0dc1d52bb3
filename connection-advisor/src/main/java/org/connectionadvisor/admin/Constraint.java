package org.connectionadvisor.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One constraint of a pattern as the subset's grammar has it: {@code FIELD op value} with value a literal or
 * {@code $binding.FIELD}, or {@code FIELD [not] in ( literal, ... )}. Read from Drools' constraint text with the
 * grammar's own tokens, and written back as {@link #text()}: Drools compiles the text written here, never the admin's.
 */
record Constraint(String field, String operator, List<Value> values) {
    static final String IN = "in";
    static final String NOT_IN = "not in";
    private static final List<String> COMPARISONS = List.of("==", "!=", "<", "<=", ">", ">=");
    static final String SHAPE = "a constraint is FIELD == value (or !=, <, <=, >, >=) with a \"text\", a number or $binding.FIELD as the"
            + " value, or FIELD in ( literals ), or FIELD not in ( literals )";

    /** A literal, or a field of a fact bound earlier in the rule. */
    sealed interface Value permits Text, Number, FieldOf {
        String text();
    }

    record Text(String value) implements Value {
        @Override
        public String text() {
            return Literals.quoted(value);
        }
    }

    record Number(String literal) implements Value {
        @Override
        public String text() {
            return literal;
        }
    }

    record FieldOf(String binding, String field) implements Value {
        @Override
        public String text() {
            return binding + "." + field;
        }
    }

    /** The constraint's text for Drools. */
    String text() {
        if (IN.equals(operator) || NOT_IN.equals(operator)) {
            return field + " " + operator + " ( " + values.stream().map(Value::text).collect(Collectors.joining(", ")) + " )";
        }
        return field + " " + operator + " " + values.get(0).text();
    }

    /** The name a constraint starts with, if it starts with one: the field it means to test. */
    static String leadingField(String text) {
        Reader reader = new Reader(text);
        reader.skipSpace();
        return reader.wordStartsAt(reader.at) ? reader.identifier("") : null;
    }

    /** Reads a constraint; a {@link Refused} says in one line what it holds that the grammar does not. */
    static Constraint parse(String text) {
        return new Reader(text).constraint();
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Constraint constraint() {
            String field = identifier("a constraint starts with a field of the fact");
            skipSpace();
            if (peek('.') || peek('(')) {
                throw new Refused("'" + shortened() + "' is not in the subset: a constraint tests a field of the fact itself, with no"
                        + " method calls or fields of fields; " + SHAPE);
            }
            String operator = operator();
            List<Value> values = new ArrayList<>();
            if (IN.equals(operator) || NOT_IN.equals(operator)) {
                expect('(', "'" + operator + "' takes a list in parentheses: " + field + " " + operator + " ( \"a\", \"b\" )");
                do {
                    values.add(literal());
                } while (take(','));
                expect(')', "the list after '" + operator + "' holds literals separated by commas and ends with ')'");
            } else {
                values.add(value());
            }
            skipSpace();
            if (at < text.length()) {
                String rest = next();
                throw new Refused(("&&".equals(rest) || "||".equals(rest)
                        ? "'" + rest + "' is not in the subset: separate constraints with commas, and use 'in' for alternatives; "
                        : "'" + rest + "' after the value is not in the subset (no arithmetic, calls or other operators); ") + SHAPE);
            }
            return new Constraint(field, operator, List.copyOf(values));
        }

        /** The constraint as written, cut short for a message. */
        private String shortened() {
            String whole = text.strip().replaceAll("\\s+", " ");
            return whole.length() <= 40 ? whole : whole.substring(0, 37) + "...";
        }

        private String operator() {
            skipSpace();
            for (String comparison : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (text.startsWith(comparison, at)) {
                    at += comparison.length();
                    return comparison;
                }
            }
            if (wordStartsAt(at)) {
                String word = identifier("");
                if ("in".equals(word)) {
                    return IN;
                }
                skipSpace();
                if ("not".equals(word) && wordStartsAt(at) && "in".equals(identifier(""))) {
                    return NOT_IN;
                }
                throw new Refused("the operator '" + word + "' is not in the subset: " + String.join(", ", COMPARISONS)
                        + ", in and not in are (no matches, contains, memberOf, soundslike or str)");
            }
            throw new Refused(at < text.length() ? "'" + next() + "' is not a comparison: " + SHAPE : "the constraint ends before its comparison: " + SHAPE);
        }

        private Value value() {
            skipSpace();
            if (peek('$')) {
                at++;
                String binding = "$" + identifier("a binding is $ followed by a name");
                if (!take('.')) {
                    throw new Refused("compare with a field of the bound fact, as " + binding + ".name, not with the fact itself");
                }
                String field = identifier("a field name follows '" + binding + ".'");
                skipSpace();
                if (peek('.') || peek('(')) {
                    throw new Refused("'" + shortened() + "' is not in the subset: compare with a field of a bound fact, as "
                            + binding + "." + field + ", with no method calls or fields of fields");
                }
                return new FieldOf(binding, field);
            }
            return literal();
        }

        private Value literal() {
            skipSpace();
            if (peek('"')) {
                int end = Literals.end(text, at);
                if (end < 0) {
                    throw new Refused("the string starting here is not closed on its line, or uses an escape other than \\\" and \\\\");
                }
                Text literal = new Text(Literals.decode(text.substring(at, end)));
                at = end;
                return literal;
            }
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at > start && peek('.')) {
                at++;
                int fraction = at;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == fraction) {
                    at = start; // "2013." is not a number
                }
            }
            if (at > start && !(at < text.length() && Character.isJavaIdentifierPart(text.charAt(at)))) {
                return new Number(text.substring(start, at));
            }
            at = start;
            throw new Refused(at < text.length() ? "'" + next() + "' is not a literal: write \"text\" in double quotes or a number such as 2013.2"
                    : "the constraint ends before its value: " + SHAPE);
        }

        private String identifier(String expected) {
            skipSpace();
            int start = at;
            if (wordStartsAt(at)) {
                at++;
                while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at)) && text.charAt(at) != '$') {
                    at++;
                }
                return text.substring(start, at);
            }
            throw new Refused((at < text.length() ? "'" + next() + "' is not in the subset here: " : "") + expected + "; " + SHAPE);
        }

        /** The next token as the admin wrote it, for a message: a word, a quoted string, or one or two symbol characters. */
        private String next() {
            skipSpace();
            int start = at;
            if (at >= text.length()) {
                return "";
            }
            char first = text.charAt(at);
            if (Character.isJavaIdentifierPart(first)) {
                while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
                    at++;
                }
            } else if (first == '"' && Literals.end(text, at) > 0) {
                at = Literals.end(text, at);
            } else {
                at++;
                if (at < text.length() && "&|=".indexOf(text.charAt(at)) >= 0 && "&|=!<>".indexOf(first) >= 0) {
                    at++;
                }
            }
            return text.substring(start, at);
        }

        private boolean wordStartsAt(int index) {
            return index < text.length() && Character.isJavaIdentifierStart(text.charAt(index)) && text.charAt(index) != '$';
        }

        private void expect(char c, String message) {
            if (!take(c)) {
                throw new Refused(message);
            }
        }

        private boolean take(char c) {
            skipSpace();
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
