package org.connectionadvisor.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;

/**
 * A rule's consequence as the subset has it: exactly {@code insertLogical( Factory.method( kcontext, texts ) );}, the
 * texts string literals or literals joined with {@code +}. Checked on a real Java parse of the consequence text (with
 * Unicode escapes decoded first, as javac does), and written back as {@link #java()}, which is what Drools compiles.
 */
record Consequence(String factory, List<String> texts) {
    static final String SHAPE = "a consequence is exactly insertLogical( Advice.of( kcontext, \"text\", ... ) ); in a row rule,"
            + " or insertLogical( Topic.of | Topic.firstSteps | Finding.of | Detail.of( kcontext, ... ) ); in a finding rule";

    /** What each factory takes after kcontext. */
    private enum Arguments {
        /** A resolution and any steps, each a text. */
        TEXTS("( kcontext, \"text\", ... )"),
        /** One name: a string literal. */
        NAME("( kcontext, \"name\" )"),
        /** A key (a string literal) and its text. */
        KEY_AND_TEXT("( kcontext, \"key\", \"text\" )");

        final String shape;

        Arguments(String shape) {
            this.shape = shape;
        }
    }

    private static final Map<String, Arguments> FACTORIES = Map.of(
            "Advice.of", Arguments.TEXTS,
            "Topic.of", Arguments.NAME,
            "Topic.firstSteps", Arguments.NAME,
            "Finding.of", Arguments.NAME,
            "Detail.of", Arguments.KEY_AND_TEXT);


    /** The class whose factory the consequence calls: Advice, Topic, Finding or Detail. */
    String type() {
        return factory.substring(0, factory.indexOf('.'));
    }

    /** The consequence for Drools to compile: the same call, each text one literal. */
    String java() {
        return "insertLogical( " + factory + "( kcontext, " + texts.stream().map(Literals::quoted).collect(Collectors.joining(", "))
                + " ) );";
    }

    /** Reads a consequence; a {@link Refused} says what it holds instead, at its line within the consequence. */
    static Consequence parse(String text) {
        return new Reader("{" + text + "\n}").consequence();
    }

    /** The parse of one consequence, and its text to quote from in messages. */
    private record Reader(String block) {
        Consequence consequence() {
            ParseResult<BlockStmt> parsed;
            try {
                // A configuration of its own: its Unicode escape decoder keeps state for the parse under way.
                parsed = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                        .setPreprocessUnicodeEscapes(true).setAttributeComments(false)).parseBlock(block);
            } catch (StackOverflowError e) {
                throw new Refused("the consequence nests too deeply to be read (a very long + chain?); " + SHAPE);
            }
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                Problem problem = parsed.getProblems().get(0);
                int line = problem.getLocation().flatMap(range -> range.getBegin().getRange()).map(range -> range.begin.line).orElse(1);
                String message = problem.getMessage().lines().findFirst().orElse("").strip();
                int expected = message.indexOf(", expected");
                throw new Refused("the consequence does not read as Java (" + (expected < 0 ? message : message.substring(0, expected))
                        + "); " + SHAPE, line);
            }
            List<Statement> statements = parsed.getResult().get().getStatements();
            if (statements.isEmpty()) {
                throw new Refused("the consequence is empty; " + SHAPE);
            }
            Consequence first = statement(statements.get(0));
            if (statements.size() > 1) {
                statement(statements.get(1));
                throw new Refused("a consequence is one statement; '" + shown(statements.get(1)) + "' is a second one", line(statements.get(1)));
            }
            return first;
        }

        /** One statement, which must be the grammar's insertLogical( factory ). */
        private Consequence statement(Statement statement) {
            if (!(statement instanceof ExpressionStmt expression) || !(expression.getExpression() instanceof MethodCallExpr insert)
                    || insert.getScope().isPresent() || insert.getTypeArguments().isPresent()) {
                throw new Refused("'" + shown(statement) + "' is not in the subset; " + SHAPE, line(statement));
            }
            if (!"insertLogical".equals(insert.getNameAsString())) {
                throw new Refused("'" + insert.getNameAsString() + "' is not in the subset: a consequence calls only insertLogical, whose"
                        + " result lasts only while its conditions hold; " + SHAPE, line(insert));
            }
            if (insert.getArguments().size() != 1 || !(insert.getArgument(0) instanceof MethodCallExpr call)
                    || call.getScope().isEmpty() || !(call.getScope().get() instanceof NameExpr type) || call.getTypeArguments().isPresent()
                    || !FACTORIES.containsKey(type.getNameAsString() + "." + call.getNameAsString())) {
                throw new Refused("insertLogical may insert only what Advice.of, Topic.of, Topic.firstSteps, Finding.of or Detail.of"
                        + " make; found '" + shown(insert) + "'", line(insert));
            }
            String factory = type.getNameAsString() + "." + call.getNameAsString();
            return new Consequence(factory, arguments(factory, call));
        }

        private List<String> arguments(String factory, MethodCallExpr call) {
            Arguments expected = FACTORIES.get(factory);
            List<Expression> arguments = call.getArguments();
            int count = arguments.size() - 1;
            boolean fits = switch (expected) {
                case TEXTS -> count >= 1;
                case NAME -> count == 1;
                case KEY_AND_TEXT -> count == 2;
            };
            if (!fits || !(arguments.get(0) instanceof NameExpr context) || !"kcontext".equals(context.getNameAsString())) {
                throw new Refused(factory + " takes " + expected.shape + "; found '" + shown(call) + "'", line(call));
            }
            List<String> texts = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                boolean joined = expected == Arguments.TEXTS || expected == Arguments.KEY_AND_TEXT && i == 2;
                texts.add(text(arguments.get(i), joined));
            }
            return List.copyOf(texts);
        }

        /** A text: a string literal, or (where {@code joined}) literals joined with +. Walked without recursion. */
        private String text(Expression argument, boolean joined) {
            List<Expression> parts = new ArrayList<>();
            Expression rest = argument;
            while (joined && rest instanceof BinaryExpr plus && plus.getOperator() == BinaryExpr.Operator.PLUS) {
                parts.add(plus.getRight());
                rest = plus.getLeft();
            }
            parts.add(rest);
            Collections.reverse(parts);
            StringBuilder text = new StringBuilder();
            for (Expression part : parts) {
                if (!(part instanceof StringLiteralExpr literal)) {
                    throw new Refused((part instanceof TextBlockLiteralExpr ? "a text block (\"\"\"...\"\"\")" : "'" + shown(part) + "'")
                            + " is not in the subset: " + (joined ? "a text is string literals in double quotes, joined with +"
                                    : "a name is one string literal in double quotes"), line(part));
                }
                text.append(literal.asString());
            }
            return text.toString();
        }

        private static int line(Node node) {
            return node.getBegin().map(position -> position.line).orElse(1);
        }

        /** A node as the admin wrote it, on one line and cut short, for a message (never printed from the tree, however deep). */
        private String shown(Node node) {
            String[] lines = block.split("\n", -1);
            int line = line(node);
            int column = node.getBegin().map(position -> position.column).orElse(1);
            int endLine = node.getEnd().map(position -> position.line).orElse(line);
            int endColumn = node.getEnd().map(position -> position.column).orElse(Integer.MAX_VALUE);
            StringBuilder text = new StringBuilder();
            for (int l = line; l <= endLine && l <= lines.length && text.length() <= 60; l++) {
                String whole = lines[l - 1];
                int from = l == line ? Math.min(column - 1, whole.length()) : 0;
                int to = l == endLine ? Math.min(endColumn, whole.length()) : whole.length();
                text.append(whole, from, Math.max(from, to)).append(' ');
            }
            String oneLine = text.toString().strip().replaceAll("\\s+", " ");
            return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
        }
    }
}
