package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.SnapshotException;

/**
 * An integer expression inside parentheses in a cell, evaluated as dtc does (dtc-parser.y integer_expr): 64-bit
 * unsigned arithmetic with C's operators and precedence, {@code ?:} included; division by zero is an error.
 */
final class DtsExpression {
    private final DtsValueParser values;
    private final DtsScanner in;

    DtsExpression(DtsValueParser values, DtsScanner in) {
        this.values = values;
        this.in = in;
    }

    long parse() throws SnapshotException {
        values.enter();
        try {
            long cond = binary(0);
            if (in.accept("?")) {
                long a = parse();
                in.expect(":", "':' of a ?: expression");
                long b = parse();
                return cond != 0 ? a : b;
            }
            return cond;
        } finally {
            values.leave();
        }
    }

    /** Operators by precedence level, lowest first (two-char operators before their one-char prefixes). */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"},
    };

    private long binary(int level) throws SnapshotException {
        if (level == LEVELS.length) {
            return unary();
        }
        long left = binary(level + 1);
        while (true) {
            String op = operator(level);
            if (op == null) {
                return left;
            }
            long right = binary(level + 1);
            left = apply(op, left, right);
        }
    }

    private String operator(int level) throws SnapshotException {
        for (String op : LEVELS[level]) {
            if (in.at(op) && !longerOperator(op)) {
                in.advance(op.length());
                return op;
            }
        }
        return null;
    }

    /** '|' must not take the first char of '||', '&' of '&&', '<' of '<<' or '<=', and so on. */
    private boolean longerOperator(String op) {
        if (op.length() != 1) {
            return false;
        }
        int next = in.peekRaw(1);
        char c = op.charAt(0);
        return switch (c) {
            case '|', '&' -> next == c;
            case '<', '>' -> next == c || next == '=';
            default -> false;
        };
    }

    private long unary() throws SnapshotException {
        int c = in.peek();
        if (c == '-' || c == '~' || (c == '!' && in.peekRaw(1) != '=')) {
            in.advance(1);
            values.enter();
            try {
                long v = unary();
                return c == '-' ? -v : c == '~' ? ~v : (v == 0 ? 1 : 0);
            } finally {
                values.leave();
            }
        }
        return values.primary();
    }

    private long apply(String op, long a, long b) throws SnapshotException {
        return switch (op) {
            case "||" -> (a != 0 || b != 0) ? 1 : 0;
            case "&&" -> (a != 0 && b != 0) ? 1 : 0;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "&" -> a & b;
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case "<" -> Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case ">" -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
            case "<=" -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case ">=" -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case "<<" -> Long.compareUnsigned(b, 64) < 0 ? a << b : 0;
            case ">>" -> Long.compareUnsigned(b, 64) < 0 ? a >>> b : 0;
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    throw in.fail("division by zero");
                }
                yield op.equals("/") ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b);
            }
            default -> throw in.fail("unknown operator " + op);
        };
    }
}
