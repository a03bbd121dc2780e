package io.purseguard.casework;

/**
 * Full-width forms (０-９, Ａ-Ｚ, ：, the ideographic space) folded to their ASCII twins one character
 * for one, so that offsets found in the folded text are offsets in the original.
 */
final class Widths {

    private Widths() {}

    static String fold(CharSequence text) {
        var out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(text.charAt(i));
        }
        return new String(out);
    }

    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }
}
