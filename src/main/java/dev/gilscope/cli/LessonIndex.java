package dev.gilscope.cli;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.trace.export.AtomicFile;
import dev.gilscope.ui.HtmlText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/** The page that goes with {@code snapshot --lesson all}: every lesson's question, what happened, and its picture. */
final class LessonIndex {

    private final StringBuilder body = new StringBuilder();

    void add(Lesson lesson, ComparisonResult result, String picture) {
        String anchor = HtmlText.escape(lesson.id());
        body.append("<section id=\"").append(anchor).append("\">\n<h2>").append(HtmlText.escape(lesson.id())).append(" · ")
                .append(HtmlText.escape(lesson.title())).append("</h2>\n<p class=\"question\">").append(HtmlText.escape(lesson.question()))
                .append("</p>\n<ul class=\"answers\">\n");
        var happened = lesson.whatHappened(result);
        for (Lesson.Choice c : lesson.choices()) {
            boolean it = happened.isPresent() && happened.get() == c;
            body.append(it ? "<li class=\"happened\">" : "<li>").append(HtmlText.escape(c.text())).append(it ? " ← this run" : "")
                    .append("</li>\n");
        }
        body.append("</ul>\n<p class=\"verdict\">").append(HtmlText.escape(lesson.verdict(null, result).text())).append("</p>\n")
                .append("<a href=\"").append(HtmlText.escape(picture)).append("\"><img src=\"").append(HtmlText.escape(picture))
                .append("\" alt=\"").append(HtmlText.escape(lesson.id() + ": the board after the run")).append("\"></a>\n")
                .append("<h3>Where to look</h3>\n<ul>\n");
        for (String line : lesson.look()) body.append("<li>").append(HtmlText.escape(line)).append("</li>\n");
        body.append("</ul>\n<details><summary>Why</summary>\n");
        for (String paragraph : lesson.explanation().strip().split("\n\\s*\n")) {
            body.append("<p>").append(HtmlText.escape(paragraph.replace('\n', ' '))).append("</p>\n");
        }
        body.append("</details>\n<details><summary>The same in Python</summary>\n<pre>").append(HtmlText.escape(lesson.python()))
                .append("</pre></details>\n</section>\n");
    }

    void write(Path page) throws IOException {
        String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>gilscope lessons</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1d232b}"
                + "img{width:100%;border:1px solid #d0d4da}section{margin-bottom:3em}.question{font-size:1.15em}"
                + ".happened{font-weight:bold}.verdict{background:#eef3f8;padding:.5em .8em}"
                + "pre{background:#f3f4f6;padding:1em;overflow:auto}</style></head>\n<body>\n<h1>gilscope lessons</h1>\n"
                + "<p>Each board was run on this machine on " + LocalDate.now() + " with <code>gilscope snapshot --lesson all"
                + "</code>. Predict the answer before you look at the picture.</p>\n" + body + "</body></html>\n";
        AtomicFile.write(page, html);
    }
}
