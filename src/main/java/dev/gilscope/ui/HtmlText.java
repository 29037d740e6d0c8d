package dev.gilscope.ui;

/** Text placed in the HTML pages gilscope writes (the lesson index, exercise reports). */
public final class HtmlText {

    private HtmlText() {}

    /** {@code text} as HTML text or an attribute value in double quotes. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
