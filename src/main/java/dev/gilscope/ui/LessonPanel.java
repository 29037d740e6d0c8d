package dev.gilscope.ui;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.scenario.ExerciseSet;
import dev.gilscope.scenario.ExerciseSetFile;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.LessonFile;
import dev.gilscope.scenario.Lessons;
import dev.gilscope.scenario.TeacherFile;
import dev.gilscope.scenario.Verdict;
import dev.gilscope.workload.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;

/**
 * The lesson browser beside the board: pick a lesson (it sets the run up), predict, run, and read whether
 * the prediction held in this run's numbers; then try the lesson's other settings and compare.
 */
final class LessonPanel extends VBox {

    /** What the panel asks of the board it sits beside. */
    interface Board {
        /** Sets the run controls to the lesson's run. */
        void setUp(RunRequest request);

        /** Sets one run setting, named as the command line spells it. */
        void setOption(String option, String value);

        /** Runs what the controls say; false (and the reason on the board) when it cannot. */
        boolean runForm();

        BoardModel model();

        Palette palette();

        /** Asks where to write the exercise set's report (.html or .md); empty when the learner cancelled. */
        java.util.Optional<Path> chooseReportFile();
    }

    static final double WIDTH = 380;
    private static final double HISTOGRAM_HEIGHT = 130;

    private final Board board;
    private final LessonSession session = new LessonSession();
    private final ComboBox<Lesson> picker = new ComboBox<>();
    private final Label title = new Label();
    private final Label question = new Label();
    private final VBox choices = new VBox(4);
    private final ToggleGroup choiceGroup = new ToggleGroup();
    private final Button run = new Button("▶ Run the lesson");
    private final Button startOver = new Button("Start over");
    private final Label hint = new Label();
    private final Label verdict = new Label();
    private final Label error = new Label();
    private final VBox figures = new VBox(2);
    private final Canvas histogram = new Canvas(WIDTH - 24, HISTOGRAM_HEIGHT);
    private final FlowPane tries = new FlowPane(6, 4);
    private final VBox runs = new VBox(2);
    private final VBox look = new VBox(3);
    private final Label explanation = new Label();
    private final TextArea python = new TextArea();
    private final VBox afterRun = new VBox(6);
    private final TitledPane why = new TitledPane();
    private final TitledPane inPython = new TitledPane();
    private final List<javafx.scene.Node> forLearners = new ArrayList<>();
    private Workbook workbook;
    private final VBox setBox = new VBox(4);
    private final Label setTitle = new Label();
    private final Label setAbout = new Label();
    private final Label setProgress = new Label();
    private final Label setSteps = new Label();
    private final TextField learner = new TextField();
    private final Button report = new Button("Export report…");
    private final Button leave = new Button("Leave the set");
    private final VBox questions = new VBox(4);
    /** Leaving the set (or opening another) with work not in a report asks once; the second time it goes. */
    private final SecondTry leaveSet = new SecondTry();

    LessonPanel(Board board) {
        this.board = board;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setSpacing(6);
        setPadding(new Insets(8, 10, 8, 10));
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);

        Label header = new Label("Lessons");
        header.getStyleClass().add("lesson-header");
        picker.setId("lesson-picker");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Lesson lesson) {
                return lesson == null ? "" : lesson.id() + " · " + lesson.title();
            }

            @Override
            public Lesson fromString(String text) {
                return null;
            }
        });
        picker.getItems().setAll(Lessons.builtIn());
        picker.setPromptText("Choose a lesson");
        picker.valueProperty().addListener((o, was, now) -> {
            if (now != null) open(now);
        });

        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        question.setId("lesson-question");
        question.getStyleClass().add("lesson-question");
        question.setWrapText(true);
        choiceGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null && session.mayPredict()) session.predict((Lesson.Choice) now.getUserData());
            if (workbook != null) workbook.keep(session);
            refresh();
        });
        run.setId("lesson-run");
        run.setOnAction(e -> runLesson());
        startOver.setId("lesson-start-over");
        startOver.setOnAction(e -> {
            session.startOver();
            if (workbook != null) workbook.keep(session);
            choiceGroup.selectToggle(null);
            session.lesson().ifPresent(l -> board.setUp(l.request()));
            refresh();
        });
        hint.setId("lesson-hint");
        hint.getStyleClass().add("lesson-hint");
        verdict.setId("lesson-verdict");
        verdict.setWrapText(true);
        error.setId("lesson-error");
        error.getStyleClass().add("problems");
        error.setWrapText(true);
        figures.setId("lesson-figures");
        histogram.setId("lesson-histogram");
        tries.setId("lesson-tries");
        runs.setId("lesson-runs");
        look.setId("lesson-look");
        explanation.setId("lesson-explanation");
        explanation.setWrapText(true);
        python.setId("lesson-python");
        python.setEditable(false);
        python.getStyleClass().add("lesson-python");
        python.setPrefRowCount(14);
        why.setText("Why");
        why.setContent(explanation);
        why.setExpanded(true);
        inPython.setText("The same in Python");
        inPython.setContent(python);
        inPython.setExpanded(false);

        setBox.setId("exercise-set");
        setTitle.setId("exercise-title");
        setTitle.getStyleClass().add("lesson-title");
        setTitle.setWrapText(true);
        setAbout.setWrapText(true);
        setProgress.setId("exercise-progress");
        setProgress.getStyleClass().add("lesson-section");
        setSteps.setId("exercise-steps");
        setSteps.setWrapText(true);
        learner.setId("exercise-learner");
        learner.setPromptText("Your name, for the report");
        learner.textProperty().addListener((o, was, now) -> {
            if (workbook != null) workbook.setLearner(now);
        });
        report.setId("exercise-report");
        report.setOnAction(e -> board.chooseReportFile().ifPresent(this::exportReport));
        leave.setId("exercise-leave");
        leave.setOnAction(e -> leaveSet());
        setBox.getChildren().addAll(setTitle, setAbout, setProgress, setSteps, learner, new HBox(8, report, leave));
        setBox.getStyleClass().add("exercise-set");
        questions.setId("exercise-questions");

        afterRun.getChildren().addAll(verdict, section("Measured in this run"), figures, histogram);
        HBox buttons = new HBox(8, run, startOver);
        Label tryHeader = section("Run again with");
        Label runsHeader = section("Runs of this lesson");
        getChildren().addAll(header, setBox, picker, error, title, question, choices, buttons, hint, afterRun, questions,
                tryHeader, tries, runsHeader, runs, section("Where to look"), look, why, inPython);
        forLearners.addAll(List.of(header, setBox, picker, buttons, hint, questions, tryHeader, tries, runsHeader, runs, why,
                inPython));
        refresh();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("lesson-section");
        return l;
    }

    Lesson current() {
        return session.lesson().orElse(null);
    }

    LessonSession session() {
        return session;
    }

    /** Chooses a lesson: the board is set up for its run, and the learner predicts afresh. */
    void choose(Lesson lesson) {
        if (!picker.getItems().contains(lesson)) picker.getItems().add(lesson);
        picker.setValue(lesson);
        if (current() != lesson) open(lesson);
    }

    /**
     * Shows a finished run of the current lesson as a picture tells it: the question, what happened in
     * this run's numbers, and where to look; no buttons, no explanation text.
     */
    void showOutcome(ComparisonResult result) {
        showOutcome(result, null);
    }

    /** The same with the learner's prediction selected and judged (a report's picture). */
    void showOutcome(ComparisonResult result, Lesson.Choice predicted) {
        LessonSession.Run shown = session.show(result, predicted);
        for (javafx.scene.Node n : forLearners) {
            n.setVisible(false);
            n.setManaged(false);
        }
        Optional.ofNullable(predicted).or(() -> shown.verdict().happened()).ifPresent(c -> choiceGroup.getToggles().stream()
                .filter(t -> t.getUserData() == c).findFirst().ifPresent(choiceGroup::selectToggle));
        refresh();
    }

    /** Opens a teacher's lesson file; a malformed one is refused with its line, and the current lesson stays. */
    void openFile(Path file) {
        readTeacherFile(file, "the lesson", () -> Lessons.load(file)).ifPresent(lesson -> {
            choose(lesson);
            board.model().say("Opened the lesson " + lesson.id() + " from " + file.getFileName());
        });
        refresh();
    }

    /** Reads a lesson or exercise set file; what is wrong with it (its line) is said in the panel and the status. */
    private <T> Optional<T> readTeacherFile(Path file, String what, TeacherFile<T> reader) {
        String problem;
        try {
            T read = reader.read();
            error.setText("");
            return Optional.of(read);
        } catch (LessonFile.FormatException e) {
            problem = "Could not open " + what + ": " + e.getMessage();
        } catch (IOException e) {
            problem = "Could not read " + file + ": " + e.getMessage();
        }
        error.setText(problem);
        board.model().say(problem);
        return Optional.empty();
    }

    private void open(Lesson lesson) {
        int exercise = workbook == null ? -1 : workbook.set().indexOf(lesson);
        if (exercise >= 0) workbook.resume(exercise, session);
        else session.open(lesson);
        board.setUp(lesson.request());
        title.setText(lesson.id() + " · " + lesson.title());
        question.setText(lesson.question());
        choiceGroup.selectToggle(null);
        choiceGroup.getToggles().clear(); // the last lesson's buttons, which may carry the same answers
        choices.getChildren().clear();
        for (int i = 0; i < lesson.choices().size(); i++) {
            Lesson.Choice c = lesson.choices().get(i);
            RadioButton button = new RadioButton(c.text());
            button.setId("lesson-choice-" + i);
            button.setWrapText(true);
            button.setUserData(c);
            button.setToggleGroup(choiceGroup);
            choices.getChildren().add(button);
        }
        session.predicted().ifPresent(p -> choiceGroup.getToggles().stream().filter(t -> t.getUserData() == p).findFirst()
                .ifPresent(choiceGroup::selectToggle));
        showQuestions(exercise);
        tries.getChildren().clear();
        for (Lesson.Try t : lesson.tries()) {
            for (String value : t.values()) {
                Button b = new Button(optionLabel(t.option()) + " " + value);
                b.setId("lesson-try-" + t.option() + "-" + value.replace('.', '_')); // a dot would read as a CSS class
                b.setOnAction(e -> {
                    board.setOption(t.option(), value);
                    runLesson();
                });
                tries.getChildren().add(b);
            }
        }
        look.getChildren().clear();
        for (String line : lesson.look()) {
            Label l = new Label("• " + line);
            l.setWrapText(true);
            look.getChildren().add(l);
        }
        explanation.setText(lesson.explanation().strip());
        python.setText(lesson.python());
        refresh();
    }

    private static String optionLabel(String option) {
        return RunRequest.Field.byOptionName(option).map(RunForm::label).orElse("Forced switching");
    }

    /** Presentation mode: the explanation and the Python code fold away, so the board and the verdict fit. */
    void setPresentation(boolean on) {
        why.setExpanded(!on);
        inPython.setExpanded(false);
    }

    /** Opens the next (or, with -1, the previous) lesson in the list. */
    void step(int direction) {
        int count = picker.getItems().size();
        if (count == 0) return;
        int at = picker.getItems().indexOf(picker.getValue());
        int next = at < 0 ? (direction > 0 ? 0 : count - 1) : Math.floorMod(at + direction, count);
        picker.setValue(picker.getItems().get(next));
    }

    void runLesson() {
        if (!session.mayRun() || board.model().running()) return;
        session.runStarted();
        if (!board.runForm()) session.runRefused();
        refresh();
    }

    /** Called when the board's model changed: a run of the lesson that ended gets its verdict. */
    void modelChanged() {
        BoardModel model = board.model();
        if (session.awaiting() && !model.running()) {
            session.runEnded(model.lastResult().orElse(null), model.lastRunCancelled());
            if (workbook != null) workbook.keep(session);
        }
        refresh();
    }

    /** Brings every part of the panel in line with the session. */
    void refresh() {
        refreshSet();
        boolean hasLesson = session.lesson().isPresent();
        boolean running = board.model().running();
        for (var node : choices.getChildren()) node.setDisable(!session.mayPredict());
        run.setDisable(!session.mayRun() || running);
        picker.setDisable(running); // a run's verdict belongs to the lesson that started it
        startOver.setDisable(!hasLesson || running);
        for (var node : tries.getChildren()) node.setDisable(!session.mayRun() || running);
        hint.setText(running && session.awaiting() ? "Running the lesson …" : session.hint().orElse(""));
        var last = session.last();
        afterRun.setVisible(last.isPresent());
        afterRun.setManaged(last.isPresent());
        last.ifPresent(r -> {
            verdict.setText(r.verdict().text());
            verdict.getStyleClass().setAll("label", "lesson-verdict", "verdict-" + r.verdict().outcome().name()
                    .toLowerCase(Locale.ROOT).replace('_', '-'));
            figures.getChildren().setAll(session.figureLines(r.result()).stream().map(line -> {
                Label l = new Label(line);
                l.setWrapText(true);
                return l;
            }).toList());
        });
        boolean latency = last.isPresent() && drawHistogram(last.get().result());
        histogram.setVisible(latency);
        histogram.setManaged(latency);
        runs.getChildren().setAll(session.runs().stream().map(r -> {
            Label l = new Label(session.runLine(r));
            l.setWrapText(true);
            return l;
        }).toList());
        if (session.runs().isEmpty()) runs.getChildren().setAll(new Label("none yet"));
    }

    /**
     * The I/O thread's wake-up delays as a histogram, one bar colour per mode (L6): how often it woke
     * within 0.1 ms, 0.2 ms, … of its sleep's end. Returns false when the run measured no wake-ups.
     */
    private boolean drawHistogram(ComparisonResult result) {
        List<ModeResult> measured = new ArrayList<>();
        for (ModeResult r : result.modes()) {
            if (r.resultOk() && r.outcome().ioLatency() != null && r.outcome().ioLatency().samples() > 0) measured.add(r);
        }
        if (measured.isEmpty()) return false;
        Palette palette = board.palette();
        GraphicsContext g = histogram.getGraphicsContext2D();
        double w = histogram.getWidth();
        double h = histogram.getHeight();
        g.setFill(ChartPane.argb(palette.background()));
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(10));
        double[] edges = Outcome.LatencySummary.BIN_EDGES_MILLIS;
        int bins = edges.length + 1;
        double left = 4;
        double top = 16;
        double bottom = h - 16;
        double binWidth = (w - left * 2) / bins;
        double barWidth = (binWidth - 2) / measured.size();
        g.setFill(ChartPane.argb(palette.text()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("Wake-up delays of the I/O thread, in ms (share of wake-ups)", left, 0);
        for (int m = 0; m < measured.size(); m++) {
            Outcome.LatencySummary latency = measured.get(m).outcome().ioLatency();
            g.setFill(ChartPane.argb(SummaryView.modeColour(measured.get(m).mode())));
            for (int b = 0; b < bins; b++) {
                double share = (double) latency.histogram().get(b) / latency.samples();
                double barHeight = share * (bottom - top);
                g.fillRect(left + b * binWidth + 1 + m * barWidth, bottom - barHeight, barWidth, barHeight);
            }
            g.fillText("■ " + measured.get(m).mode().cliName(), w - 110, top + m * 12);
        }
        g.setFill(ChartPane.argb(palette.mutedText()));
        g.setTextAlign(TextAlignment.CENTER);
        for (int b = 0; b < bins; b++) {
            String label = b < edges.length ? "<" + plain(edges[b]) : "≥" + plain(edges[edges.length - 1]);
            g.fillText(label, left + (b + 0.5) * binWidth, bottom + 2);
        }
        return true;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- exercise sets ---------------------------------------------------------------------------

    /** Opens a teacher's exercise set file; a malformed one is refused with its line, and what is open stays. */
    void openSetFile(Path file) {
        readTeacherFile(file, "the exercise set", () -> ExerciseSetFile.load(file)).ifPresent(set -> {
            if (!mayLeave("open " + file.getFileName())) return;
            openSet(set);
            board.model().say("Opened the exercise set “" + set.title() + "”: " + set.exercises().size() + " lessons");
        });
        refresh();
    }

    /** Works through {@code set}: its lessons in the picker, progress on top, its questions under each lesson. */
    void openSet(ExerciseSet set) {
        workbook = new Workbook(set);
        leaveSet.reset();
        error.setText("");
        learner.clear();
        setTitle.setText(set.title());
        setAbout.setText(set.about());
        picker.getItems().setAll(set.exercises().stream().map(ExerciseSet.Exercise::lesson).toList());
        picker.setValue(null);
        picker.setValue(set.exercises().get(0).lesson());
        refresh();
    }

    Workbook workbook() {
        return workbook;
    }

    /** Back to the built-in lessons; with work not in a report yet, the first press says so instead. */
    void leaveSet() {
        if (workbook == null || !mayLeave("leave the set")) return;
        workbook = null;
        picker.getItems().setAll(Lessons.builtIn());
        showQuestions(-1);
        board.model().say("Left the exercise set; the built-in lessons are back.");
        refresh();
    }

    /** Whether {@code action} may drop the open set: with work not in a report, the first try says so. */
    boolean mayLeave(String action) {
        if (workbook == null || leaveSet.allows(action, workbook.changedSinceReport(), workbook.version())) return true;
        String text = "Your predictions, runs and answers in “" + workbook.set().title() + "” are not in a report yet. "
                + "Export the report to keep them, or " + action + " again to drop them.";
        error.setText(text);
        board.model().say(text);
        return false;
    }

    /** The teacher's questions about exercise {@code exercise} (none for -1), each with a box for the answer. */
    private void showQuestions(int exercise) {
        questions.getChildren().clear();
        if (exercise < 0 || workbook == null) return;
        List<String> asked = workbook.set().exercises().get(exercise).questions();
        if (asked.isEmpty()) return;
        questions.getChildren().add(section("Questions"));
        Workbook.Attempt attempt = workbook.attempt(exercise);
        for (int q = 0; q < asked.size(); q++) {
            Label label = new Label(asked.get(q));
            label.setWrapText(true);
            TextArea answer = new TextArea(attempt.answers().get(q));
            answer.setId("exercise-answer-" + q);
            answer.setWrapText(true);
            answer.setPrefRowCount(3);
            answer.setPromptText("Your answer");
            int question = q;
            answer.textProperty().addListener((o, was, now) -> workbook.answer(exercise, question, now));
            questions.getChildren().addAll(label, answer);
        }
    }

    private void refreshSet() {
        boolean inSet = workbook != null;
        setBox.setVisible(inSet);
        setBox.setManaged(inSet);
        if (!inSet) return;
        setProgress.setText(workbook.progress());
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < workbook.size(); i++) {
            Lesson lesson = workbook.set().exercises().get(i).lesson();
            steps.append(i == 0 ? "" : "   ").append(workbook.done(i) ? "✓ " : "○ ").append(lesson.id());
            if (lesson == current()) steps.append(" ◂");
        }
        setSteps.setText(steps.toString());
        report.setDisable(board.model().running());
    }

    /**
     * Writes the learner's report: each exercise's board is drawn off-screen on a thread of its own, so the
     * window stays usable; progress and the outcome show in the status line.
     */
    void exportReport(Path out) {
        if (workbook == null) return;
        try {
            ExerciseReport.formatOf(out);
        } catch (IllegalArgumentException e) {
            board.model().say("Could not write the report: " + e.getMessage());
            return;
        }
        ExerciseReport report = ExerciseReport.of(workbook);
        Workbook reported = workbook;
        BoardModel model = board.model();
        model.writeInBackground("gilscope-report", "Writing the report " + out.getFileName() + " …",
                say -> report.write(out, (drawn, total) ->
                        say.accept("Writing the report " + out.getFileName() + ": board " + drawn + " of " + total + " …")),
                () -> {
                    reported.reported(report.workbookVersion());
                    model.say("Wrote the report to " + out);
                }, "Could not write the report " + out);
    }

    /** A verdict to show in pictures and tests: the last run's, if the lesson has run. */
    Verdict lastVerdict() {
        return session.last().map(LessonSession.Run::verdict).orElse(null);
    }
}
