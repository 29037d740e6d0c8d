package dev.gilscope.ui;

import dev.gilscope.scenario.ExerciseSet;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.trace.export.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A learner's exercise set as a small report for the workshop: for each lesson the question, the
 * prediction, what happened in this run's numbers, the board, and the answers to the teacher's
 * questions. Markdown (pictures in a folder beside it) or one self-contained HTML file.
 *
 * @param attempts one per exercise, taken on the UI thread when the learner asked for the report
 * @param workbookVersion the workbook's {@link Workbook#version()} then: later work is not in the report
 */
record ExerciseReport(ExerciseSet set, String learner, List<Workbook.Attempt> attempts, long workbookVersion) {

    enum Format { MARKDOWN, HTML }

    /** Board pictures in a report: wide enough to read the lanes, small enough to mail. */
    static final int PICTURE_WIDTH = 1600;
    static final int PICTURE_HEIGHT = 900;

    /** Told after each board picture is drawn. */
    interface Progress {
        void picture(int drawn, int total);
    }

    ExerciseReport {
        attempts = List.copyOf(attempts);
    }

    static ExerciseReport of(Workbook workbook) {
        return new ExerciseReport(workbook.set(), workbook.learner(), workbook.attempts(), workbook.version());
    }

    /** The format a file's name asks for; anything else is refused with the names that work. */
    static Format formatOf(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) return Format.MARKDOWN;
        if (name.endsWith(".html") || name.endsWith(".htm")) return Format.HTML;
        throw new IllegalArgumentException("a report is Markdown (.md) or HTML (.html); " + out.getFileName() + " is neither");
    }

    /**
     * Draws each done exercise's board off-screen and writes the report. For Markdown the pictures go in a
     * folder named after the report ("report-pictures/"); HTML carries them inside. Call off the UI thread.
     */
    void write(Path out, Progress progress) throws IOException {
        Format format = formatOf(out);
        int total = Workbook.Tally.of(attempts).done();
        String stem = out.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path folder = out.toAbsolutePath().getParent().resolve(stem + "-pictures");
        List<String> pictures = new ArrayList<>();
        int drawn = 0;
        for (int i = 0; i < attempts.size(); i++) {
            var first = attempts.get(i).first();
            if (first.isEmpty()) {
                pictures.add(null);
                continue;
            }
            Lesson lesson = set.exercises().get(i).lesson();
            byte[] png = picture(lesson, attempts.get(i).predicted(), first.get());
            if (format == Format.HTML) {
                pictures.add("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            } else {
                String name = (i + 1) + "-" + lesson.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + ".png";
                Files.createDirectories(folder);
                AtomicFile.write(folder.resolve(name), stream -> stream.write(png));
                pictures.add((folder.getFileName() + "/" + name).replace(" ", "%20")); // a Markdown link has no spaces
            }
            progress.picture(++drawn, total);
        }
        AtomicFile.write(out, format == Format.HTML ? html(pictures) : markdown(pictures));
    }

    /** The board after the run that judged the prediction, with the lesson and the verdict beside it, as PNG. */
    private static byte[] picture(Lesson lesson, Lesson.Choice predicted, LessonSession.Run run) throws IOException {
        BoardPicture.startToolkit();
        return BoardPicture.png(BoardPicture.onUiThread(() -> BoardPicture.render(
                BoardPicture.board(run.result(), lesson, predicted, List.of(), false, false), PICTURE_WIDTH, PICTURE_HEIGHT)));
    }

    // ---- the text ----

    /** What the report says about one exercise, shared by both formats. */
    private record Section(String heading, String question, String predicted, String verdict, List<String> figures,
                           List<String> runs, List<String[]> answers) {}

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            ExerciseSet.Exercise exercise = set.exercises().get(i);
            Lesson lesson = exercise.lesson();
            Workbook.Attempt attempt = attempts.get(i);
            List<String[]> answers = new ArrayList<>();
            for (int q = 0; q < exercise.questions().size(); q++) {
                answers.add(new String[] {exercise.questions().get(q), attempt.answers().get(q)});
            }
            var first = attempt.first();
            sections.add(new Section((i + 1) + ". " + lesson.id() + " · " + lesson.title(), lesson.question(),
                    attempt.predicted() == null ? "" : attempt.predicted().text(),
                    first.map(r -> r.verdict().text()).orElse(""),
                    first.map(r -> LessonSession.figureLines(lesson, r.result())).orElse(List.of()),
                    attempt.runs().stream().map(r -> LessonSession.runLine(lesson, r)).toList(), answers));
        }
        return sections;
    }

    private String byline() {
        Workbook.Tally tally = Workbook.Tally.of(attempts);
        return (learner.isEmpty() ? "" : learner + " · ") + LocalDate.now() + " · " + tally.done() + " of " + tally.of()
                + " exercises done, " + tally.heldText() + " · run with gilscope on a "
                + Runtime.getRuntime().availableProcessors() + "-core machine";
    }

    String markdown(List<String> pictures) {
        StringBuilder md = new StringBuilder("# ").append(set.title()).append("\n\n").append(byline()).append("\n\n");
        if (!set.about().isEmpty()) md.append(set.about()).append("\n\n");
        List<Section> sections = sections();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            md.append("## ").append(s.heading()).append("\n\n**Question:** ").append(s.question()).append("\n\n");
            if (s.verdict().isEmpty()) {
                md.append("**Predicted:** ").append(s.predicted().isEmpty() ? "_no prediction yet_" : s.predicted())
                        .append("\n\n_Not run yet._\n\n");
            } else {
                md.append("**Predicted:** ").append(s.predicted()).append("\n\n**What happened:** ").append(s.verdict())
                        .append("\n\n");
                for (String line : s.figures()) md.append("- ").append(line).append('\n');
                md.append('\n');
                if (s.runs().size() > 1) {
                    md.append("Runs of this lesson:\n\n");
                    for (String line : s.runs()) md.append("- ").append(line).append('\n');
                    md.append('\n');
                }
                md.append("![").append(s.heading()).append(": the board after the run](").append(pictures.get(i)).append(")\n\n");
            }
            for (String[] qa : s.answers()) {
                md.append("**").append(qa[0]).append("**\n\n").append(qa[1].isEmpty() ? "_not answered_" : "> "
                        + qa[1].replace("\n", "\n> ")).append("\n\n");
            }
        }
        return md.toString();
    }

    String html(List<String> pictures) {
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(HtmlText.escape(set.title())).append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
                        + "padding:0 1em;color:#1d232b}img{width:100%;border:1px solid #d0d4da}section{margin-bottom:3em}"
                        + ".verdict{background:#eef3f8;padding:.5em .8em}.answer{border-left:4px solid #0072b2;padding:.2em .8em;"
                        + "white-space:pre-wrap}.none{color:#5c6673;font-style:italic}</style></head>\n<body>\n<h1>")
                .append(HtmlText.escape(set.title())).append("</h1>\n<p>").append(HtmlText.escape(byline())).append("</p>\n");
        if (!set.about().isEmpty()) h.append("<p>").append(HtmlText.escape(set.about())).append("</p>\n");
        List<Section> sections = sections();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            h.append("<section>\n<h2>").append(HtmlText.escape(s.heading())).append("</h2>\n<p><b>Question:</b> ")
                    .append(HtmlText.escape(s.question())).append("</p>\n<p><b>Predicted:</b> ")
                    .append(s.predicted().isEmpty() ? "<span class=\"none\">no prediction yet</span>" : HtmlText.escape(s.predicted()))
                    .append("</p>\n");
            if (s.verdict().isEmpty()) {
                h.append("<p class=\"none\">Not run yet.</p>\n");
            } else {
                h.append("<p class=\"verdict\">").append(HtmlText.escape(s.verdict())).append("</p>\n<ul>\n");
                for (String line : s.figures()) h.append("<li>").append(HtmlText.escape(line)).append("</li>\n");
                h.append("</ul>\n");
                if (s.runs().size() > 1) {
                    h.append("<p>Runs of this lesson:</p>\n<ul>\n");
                    for (String line : s.runs()) h.append("<li>").append(HtmlText.escape(line)).append("</li>\n");
                    h.append("</ul>\n");
                }
                h.append("<img src=\"").append(HtmlText.escape(pictures.get(i))).append("\" alt=\"").append(HtmlText.escape(s.heading()))
                        .append(": the board after the run\">\n");
            }
            for (String[] qa : s.answers()) {
                h.append("<p><b>").append(HtmlText.escape(qa[0])).append("</b></p>\n").append(qa[1].isEmpty()
                        ? "<p class=\"none\">not answered</p>\n" : "<p class=\"answer\">" + HtmlText.escape(qa[1]) + "</p>\n");
            }
            h.append("</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }
}
